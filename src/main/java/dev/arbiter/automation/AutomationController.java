package dev.arbiter.automation;

import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.arbiter.security.Caller;

/** The kill switch over HTTP: {@code PUT /api/v1/automation} pauses or resumes, {@code GET} shows the state. */
@RestController
@RequestMapping("/api/v1/automation")
class AutomationController {

    private final AutomationSwitch automation;

    AutomationController(AutomationSwitch automation) {
        this.automation = automation;
    }

    @GetMapping
    AutomationState state() {
        return automation.state();
    }

    @PutMapping
    AutomationState apply(@Valid @RequestBody AutomationCommand command, @AuthenticationPrincipal Caller caller) {
        return automation.apply(command, caller.name());
    }
}
