package dev.todo.chart;

import java.nio.file.Path;
import java.util.List;

/**
 * One way the chart is installed: the release name and the values files given with -f, in order. The chart's
 * own files (values-dev.yaml, values-prod.yaml) and the test's combinations (src/test/resources/values/).
 */
enum Variant {
    DEFAULT("todo"),
    DEV("todo", Chart.file("values-dev.yaml")),
    PROD("todo", Chart.file("values-prod.yaml")),
    EXTERNAL_DATABASE("todo", Chart.testValues("external-database.yaml")),
    EXISTING_SECRET("todo", Chart.testValues("existing-secret.yaml")),
    ASSISTANT_OFF("todo", Chart.testValues("assistant-off.yaml")),
    INGRESS_OFF("todo", Chart.testValues("ingress-off.yaml")),
    DEV_EXTERNAL_DATABASE_NO_INGRESS("todo", Chart.file("values-dev.yaml"), Chart.testValues("external-database.yaml"),
            Chart.testValues("ingress-off.yaml")),
    /** Another release name: every name and every reference between objects follows it. */
    OTHER_RELEASE_NAME("shop");

    final String release;
    final List<Path> valuesFiles;

    Variant(String release, Path... valuesFiles) {
        this.release = release;
        this.valuesFiles = List.of(valuesFiles);
    }

    /** The name an object of the release "todo" has in this variant ("todo-backend" becomes "shop-todo-backend"). */
    String name(String nameInTodoRelease) {
        return release.contains("todo") ? nameInTodoRelease : release + "-" + nameInTodoRelease;
    }
}
