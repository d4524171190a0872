package dev.arbiter.startup;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Run in a process of its own, as another instance of the service would: opens the H2 database named by the JDBC URL
 * in {@code args[0]}, prints {@link #OPEN} and keeps it open until its standard input is closed.
 */
final class HoldDatabaseOpen {

    static final String OPEN = "open";

    private HoldDatabaseOpen() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0], "sa", "")) {
            System.out.println(OPEN);
            System.out.flush();
            while (System.in.read() != -1) {
                // held open until the test closes our standard input
            }
        }
    }
}
