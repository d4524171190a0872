package dev.arbiter.decision;

/** Where the customer wrote or spoke. */
public enum Channel { CHAT, EMAIL, VOICE, SMS, SOCIAL, WEB }
