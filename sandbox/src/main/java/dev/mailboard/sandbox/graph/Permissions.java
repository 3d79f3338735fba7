package dev.mailboard.sandbox.graph;

import dev.mailboard.sandbox.identity.Caller;

/** The delegated scopes each kind of Graph call needs. */
final class Permissions {

    private Permissions() {}

    /** Requires a mail read scope; answers whether only basic properties (no bodies, no attachments) may be shown. */
    static boolean requireRead(Caller caller) {
        if (caller.hasAny("Mail.Read", "Mail.ReadWrite")) {
            return false;
        }
        if (caller.hasAny("Mail.ReadBasic")) {
            return true;
        }
        throw GraphException.accessDenied();
    }

    static void requireFullRead(Caller caller) {
        if (!caller.hasAny("Mail.Read", "Mail.ReadWrite")) {
            throw GraphException.accessDenied();
        }
    }

    static void requireWrite(Caller caller) {
        if (!caller.hasAny("Mail.ReadWrite")) {
            throw GraphException.accessDenied();
        }
    }

    static void requireSend(Caller caller) {
        if (!caller.hasAny("Mail.Send")) {
            throw GraphException.accessDenied();
        }
    }

    static void requireProfile(Caller caller) {
        if (!caller.hasAny("User.Read", "User.ReadBasic.All", "User.ReadWrite")) {
            throw new GraphException(
                    403, "Authorization_RequestDenied", "Insufficient privileges to complete the" + " operation.");
        }
    }
}
