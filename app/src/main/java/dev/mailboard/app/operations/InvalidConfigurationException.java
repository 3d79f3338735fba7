package dev.mailboard.app.operations;

/**
 * Thrown at start-up when a setting cannot work; the message names the setting, what is wrong and the
 * fix, and start-up stops.
 */
public class InvalidConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String setting;
    private final String fix;

    /**
     * Creates the exception.
     *
     * @param setting the environment variable or property, for example {@code MAILBOARD_PUBLIC_URL}
     * @param problem what is wrong with its value
     * @param fix what to do about it
     */
    public InvalidConfigurationException(String setting, String problem, String fix) {
        super(setting + ": " + problem);
        this.setting = setting;
        this.fix = fix;
    }

    /**
     * The setting at fault.
     *
     * @return for example {@code MAILBOARD_PUBLIC_URL}
     */
    public String setting() {
        return setting;
    }

    /**
     * What to do about it.
     *
     * @return a sentence
     */
    public String fix() {
        return fix;
    }
}
