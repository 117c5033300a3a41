package org.tongxin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

@SpringBootApplication
@Modulithic(sharedModules = "shared")
public class TongxinApplication {

    public static void main(String[] args) {
        SpringApplication.run(TongxinApplication.class, args);
    }
}
