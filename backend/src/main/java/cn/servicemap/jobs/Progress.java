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

    /** Thrown at the next check after a cancel. */
    final class JobCancelledException extends RuntimeException {
        public JobCancelledException() {
            super("任务已取消 (cancelled)");
        }
    }
}
