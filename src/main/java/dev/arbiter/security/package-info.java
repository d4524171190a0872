/** Who may call the service: API keys bound to a client name and roles, the endpoint-by-role rules, quotas and overload shedding. */
package dev.arbiter.security;
