package dev.mailboard.app.accounts;

import dev.mailboard.app.operations.PublicUrl;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations: an admin invites a user, who opens the one-time link, chooses a password and can sign
 * in. Only the hash of a link's token is stored.
 */
@Service
public class Invitations {

    private static final Logger log = LoggerFactory.getLogger(Invitations.class);
    private static final String INVALID = "This invitation link is not valid: it is unknown, was already used"
            + " or has expired. Ask an admin of your account for a new invitation.";

    private final AdminCheck adminCheck;
    private final UserRepository users;
    private final InvitationRepository invitations;
    private final AuditLog auditLog;
    private final PasswordEncoder passwordEncoder;
    private final AccountsProperties properties;
    private final Clock clock;
    private final PublicUrl publicUrl;

    Invitations(
            AdminCheck adminCheck,
            UserRepository users,
            InvitationRepository invitations,
            AuditLog auditLog,
            PasswordEncoder passwordEncoder,
            AccountsProperties properties,
            Clock clock,
            PublicUrl publicUrl) {
        this.adminCheck = adminCheck;
        this.users = users;
        this.invitations = invitations;
        this.auditLog = auditLog;
        this.passwordEncoder = passwordEncoder;
        this.properties = properties;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    /**
     * Invites a user into the admin's account. The returned token is shown once and never stored.
     *
     * @param admin the signed-in admin
     * @param invitation who to invite
     * @return the invited user and the link's token
     * @throws PermissionDeniedException when the caller is not an admin
     * @throws DuplicateEmailException when the address is taken
     */
    @Transactional
    public IssuedInvitation invite(CurrentUser admin, NewInvitation invitation) {
        adminCheck.requireAdmin(admin);
        String email = Accounts.requireText(invitation.email(), "email");
        String displayName = Accounts.requireText(invitation.displayName(), "display name");
        if (!email.contains("@") || email.length() > 320) {
            throw new IllegalArgumentException("Enter a valid email address such as name@example.com");
        }
        if (users.findByEmail(email).isPresent()) {
            throw new DuplicateEmailException(email);
        }
        Instant now = clock.instant();
        UserView invitee = users.insert(
                new NewUser(admin.accountId(), email, displayName, invitation.role()), null, "invited", now);
        String token = Secrets.random(32);
        Instant expiresAt = now.plus(properties.invitationValidity());
        invitations.insert(invitee, admin.userId(), Secrets.sha256(token), now, expiresAt);
        auditLog.record(AuditEntry.success(
                admin,
                AuditActions.USER_INVITED,
                invitee.email(),
                "Invited as " + invitee.role().code() + ", link valid until " + expiresAt));
        log.info("User {} invited {} into account {}", admin.userId(), invitee.id(), admin.accountId());
        return new IssuedInvitation(invitee, token, expiresAt, publicUrl.resolve("/invitations/" + token));
    }

    /**
     * The user an open invitation is for, to show on the page where they choose a password.
     *
     * @param token the token from the invitation link
     * @return the invited user
     * @throws InvitationInvalidException when the link is unknown, used or expired
     */
    @Transactional(readOnly = true)
    public UserView invitee(String token) {
        return invitations
                .findOpen(Secrets.sha256(token), clock.instant())
                .flatMap(users::find)
                .map(UserRepository.StoredUser::view)
                .filter(user -> "invited".equals(user.status()))
                .orElseThrow(() -> new InvitationInvalidException(INVALID));
    }

    /**
     * Accepts an invitation: the invitee chooses a password and becomes active. The link then stops working.
     *
     * @param token the token from the invitation link
     * @param password the chosen password (at least 12 characters); only its hash is kept
     * @return the now active user
     * @throws InvitationInvalidException when the link is unknown, used or expired
     * @throws WeakPasswordException when the password breaks the rules
     */
    @Transactional
    public UserView accept(String token, String password) {
        UserView invitee = invitee(token);
        PasswordRules.check(password);
        if (!invitations.markAccepted(Secrets.sha256(token), clock.instant())) {
            throw new InvitationInvalidException(INVALID);
        }
        String hash = passwordEncoder.encode(password);
        if (hash == null) {
            throw new IllegalStateException("The password encoder returned no hash");
        }
        users.updatePassword(invitee.id(), hash);
        auditLog.record(new AuditEntry(
                invitee.accountId(),
                invitee.id(),
                invitee.email(),
                AuditActions.INVITATION_ACCEPTED,
                invitee.email(),
                AuditOutcome.SUCCESS,
                "Set a password and joined as " + invitee.role().code()));
        log.info("User {} accepted the invitation into account {}", invitee.id(), invitee.accountId());
        return users.find(invitee.id()).orElseThrow().view();
    }
}
