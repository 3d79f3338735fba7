package dev.mailboard.app.mail;

import dev.mailboard.app.connections.ConnectionId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Every {@link MailReceived} whose transaction committed, for the shared test context. */
@Component
public class ReceivedMailLog {

    private final List<MailReceived> received = new CopyOnWriteArrayList<>();

    @TransactionalEventListener
    void on(MailReceived mail) {
        received.add(mail);
    }

    /**
     * The mails published for a connection.
     *
     * @param connection the connection
     * @return in publishing order
     */
    public List<MailReceived> of(ConnectionId connection) {
        return received.stream()
                .filter(mail -> mail.connectionId().equals(connection))
                .toList();
    }

    /**
     * The mails published for a connection with a subject.
     *
     * @param connection the connection
     * @param subject the subject
     * @return in publishing order
     */
    public List<MailReceived> of(ConnectionId connection, String subject) {
        return of(connection).stream()
                .filter(mail -> mail.subject().equals(subject))
                .toList();
    }
}
