package org.tongxin.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The field key comes from {@code tongxin.crypto.key} (base64, 32 bytes or more). Only the demo on the
 * embedded database may run on the built-in demo key: a deployment without a key refuses to start
 * rather than store ID-card numbers under a key everybody knows.
 */
@Configuration(proxyBeanMethods = false)
class CryptoConfig {

    private static final Logger log = LoggerFactory.getLogger(CryptoConfig.class);
    private static final byte[] DEMO_KEY = "tongxin-demo-key-not-for-production-use!".getBytes(StandardCharsets.US_ASCII);

    @Bean
    FieldCipher fieldCipher(@Value("${tongxin.crypto.key:}") String key,
                            @Value("${tongxin.demo.enabled:true}") boolean demo,
                            @Value("${spring.datasource.url:}") String externalDatabase) {
        if (!key.isBlank()) {
            return new FieldCipher(Base64.getDecoder().decode(key.trim()));
        }
        // A real database means real people: never under the key printed in this source file.
        if (!demo || !externalDatabase.isBlank()) {
            throw new IllegalStateException(
                    "tongxin.crypto.key (env TONGXIN_CRYPTO_KEY) is required with demo data off or with "
                            + "spring.datasource.url set; generate one with: openssl rand -base64 32");
        }
        log.warn("Using the built-in demo encryption key: set TONGXIN_CRYPTO_KEY before storing real personal data");
        return new FieldCipher(DEMO_KEY);
    }
}
