package org.medoc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * medoc: the software of a space solar-physics data and operations centre. Without arguments it serves the web
 * application; with a sub-command ({@code ingest ...}) it runs that batch command on the same context and exits.
 */
@SpringBootApplication
public class MedocApplication {
    public static void main(String[] args) {
        SpringApplication.run(MedocApplication.class, args);
    }
}
