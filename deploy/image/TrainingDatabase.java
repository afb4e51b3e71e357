import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The throw-away PostgreSQL that train.sh trains the image's AOT cache against when no database is given: the
 * embedded PostgreSQL the service itself would start, but on its own, because the image's start is processed
 * ahead of time for an external database (a URL set). Run as a source file by the build's JDK on the image's class
 * path: {@code java -cp ... TrainingDatabase.java DATA_DIR URL_FILE}. Writes the JDBC URL to URL_FILE once the
 * server is up, then runs until it is stopped (SIGTERM), which stops the server and removes DATA_DIR.
 */
class TrainingDatabase {

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(Path.of(args[0]))
                .setCleanDataDirectory(true)
                .setPGStartupWait(Duration.ofSeconds(60))
                // TCP only: a Unix socket would be a file in /tmp.
                .setServerConfig("unix_socket_directories", "")
                .start();
        Path urlFile = Path.of(args[1]);
        Path written = Files.writeString(Path.of(args[1] + ".partial"), postgres.getJdbcUrl("postgres", "postgres"));
        Files.move(written, urlFile);
        Thread.sleep(Duration.ofHours(1));
        postgres.close();
    }
}
