package org.tongxin.notify.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Email through the SMTP server of {@code spring.mail.*}: plain text in the person's language (Content-Language
 * set), the link on its own line. An address the message cannot even be built for is a permanent failure; a server
 * that refuses or is away is tried again.
 */
@Component
class EmailChannel implements OutboundChannel {

    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    EmailChannel(ObjectProvider<JavaMailSender> mail, NotifyProperties properties) {
        this.mail = mail;
        this.from = properties.email().from();
    }

    @Override
    public ChannelName name() {
        return ChannelName.EMAIL;
    }

    @Override
    public boolean enabled() {
        return !from.isBlank() && mail.getIfAvailable() != null;
    }

    @Override
    public void send(Outgoing message) throws DeliveryFailure {
        JavaMailSender sender = mail.getObject();
        try {
            MimeMessage mime = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(message.email());
            helper.setSubject(message.title());
            helper.setText(message.body() + (message.url() == null ? "" : "\n\n" + message.url()));
            mime.setHeader("Content-Language", message.language().toLanguageTag());
            sender.send(mime);
        } catch (MessagingException | MailParseException | MailPreparationException e) {
            throw new DeliveryFailure("the message could not be made: " + e.getMessage(), true);
        } catch (MailAuthenticationException e) {
            throw new DeliveryFailure("the mail server refused the log-in", false);
        } catch (MailException e) {
            throw new DeliveryFailure(e.getClass().getSimpleName() + ": " + e.getMessage(), false);
        }
    }
}
