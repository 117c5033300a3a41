package org.tongxin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.tongxin.shared.backup.BackupCommand;

@SpringBootApplication
@Modulithic(sharedModules = "shared")
public class TongxinApplication {

    public static void main(String[] args) {
        if (BackupCommand.requested(args)) {
            System.exit(BackupCommand.run(args));
        }
        SpringApplication.run(TongxinApplication.class, args);
    }
}
