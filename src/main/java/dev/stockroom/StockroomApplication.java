package dev.stockroom;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Stockroom: an inventory and ordering REST API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StockroomApplication {

    public static void main(String[] args) {
        SpringApplication.run(StockroomApplication.class, args);
    }
}
