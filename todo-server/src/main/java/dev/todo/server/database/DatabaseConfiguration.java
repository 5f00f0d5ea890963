package dev.todo.server.database;

import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.todo.server.DataHome;

/**
 * The server's one database: the one {@code DATABASE_URL} names, else a real PostgreSQL started in this
 * process's shadow with its data under the data home (so tasks survive a restart). Tests set
 * {@code todo.database.embedded.ephemeral} to get a fresh throw-away instance per application context.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    DataSource dataSource(@Value("${todo.database.url:}") String url,
                          @Value("${todo.database.username:}") String username,
                          @Value("${todo.database.password:}") String password,
                          @Value("${todo.database.pool-size:20}") int poolSize,
                          @Value("${todo.database.connection-timeout:5s}") Duration connectionTimeout,
                          @Value("${todo.database.embedded.ephemeral:false}") boolean ephemeral,
                          @Value("${todo.database.schema:todo}") String schema,
                          DataHome home) {
        HikariDataSource pool = new HikariDataSource();
        // Todo's tables are found in its own schema, never in another application's (DatabaseSchema).
        pool.addDataSourceProperty("currentSchema", DatabaseSchema.checkedName(schema));
        pool.setPoolName("todo");
        pool.setMaximumPoolSize(poolSize);
        // Fail fast when the database is gone, so /ready answers 503 promptly instead of hanging.
        pool.setConnectionTimeout(connectionTimeout.toMillis());
        // Batches of inserts (an import) travel as multi-row statements.
        pool.addDataSourceProperty("reWriteBatchedInserts", "true");
        if (url.isBlank()) {
            EmbeddedPostgres postgres = EmbeddedDatabase.start(ephemeral ? null : home.resolve("postgres"));
            pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            pool.setUsername("postgres");
            // The pool closes first, then the database it points at.
            return new EmbeddedDataSource(pool, postgres);
        }
        DatabaseUrl database = DatabaseUrl.parse(url, username, password);
        pool.setJdbcUrl(database.jdbcUrl());
        pool.setUsername(database.username());
        pool.setPassword(database.password());
        return pool;
    }

    /** Before Flyway migrates: the schema exists (created if missing), and an installation in public is moved there. */
    @Bean
    FlywayMigrationStrategy migrateInTodosSchema(@Value("${todo.database.schema:todo}") String schema) {
        return flyway -> {
            DatabaseSchema.prepare(flyway.getConfiguration().getDataSource(), DatabaseSchema.checkedName(schema));
            flyway.migrate();
        };
    }

}
