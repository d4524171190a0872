package dev.arbiter.policy.tck;

/**
 * One line of a TCK results CSV: one test case.
 *
 * @param folder   e.g. {@code compliance-level-3/0085-decision-services}
 * @param testFile the test file name without {@code .xml}
 * @param caseId   the test case id
 * @param success  SUCCESS, or ERROR with the failures in {@code message}
 */
record TckRow(String folder, String testFile, String caseId, boolean success, String message) {

    /** @return the key of the case, {@code folder/caseId} */
    String key() {
        return folder + "/" + caseId;
    }

    String result() {
        return success ? "SUCCESS" : "ERROR";
    }
}
