package dev.arbiter.decision;

/** Why a product was returned. */
public enum ReturnReason { DEFECT, DAMAGED, UNWANTED, OTHER }
