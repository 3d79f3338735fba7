package dev.mailboard.bench;

/** One benchmark: measures something against a baseline taken in the same run. */
interface Scenario {

    /** The name given on the command line and used for the result file. */
    String name();

    /** Runs the scenario; a scenario that cannot run records why instead of throwing. */
    void run(ScenarioResult result) throws Exception;
}
