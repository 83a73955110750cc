package cn.servicemap.jobs;

/**
 * What long work reports as it goes, and where it learns that it should stop. {@link #NONE} for work nobody watches
 * (the command line).
 */
public interface Progress {

    Progress NONE = new Progress() {
        @Override
        public void stage(int index) {
        }

        @Override
        public void checkCancelled() {
        }
    };

    /** The work entered stage {@code index} (0-based) of the stages it was started with. */
    void stage(int index);

    /** @throws JobCancelledException when someone asked the job to stop */
    void checkCancelled();

    /** How much of the current stage is done, 0–1 (for work that can count its steps); the stage's share grows with it. */
    default void within(double fraction) {
    }

    /** Whether someone asked the job to stop, for work that cannot throw where it runs (a native solver's watcher). */
    default boolean isCancelled() {
        return false;
    }

    /** Thrown at the next check after a cancel. */
    final class JobCancelledException extends RuntimeException {
        public JobCancelledException() {
            super("任务已取消 (cancelled)");
        }
    }
}
