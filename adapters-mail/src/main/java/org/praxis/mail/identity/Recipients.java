package org.praxis.mail.identity;

/** How a recipient appears in logs: enough to recognise, not the whole address ({@code a***@example.org}). */
final class Recipients {
    private Recipients() {
    }

    static String masked(String address) {
        int at = address == null ? -1 : address.indexOf('@');
        if (at < 1) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }
}
