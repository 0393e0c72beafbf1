package io.kubezen.watcher.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The figures of a benchmark run, as an aligned text table for people and as TSV for tools. */
public final class ResultTable {

    private static final List<String> HEADER = List.of("scenario", "metric", "unit", "median", "runs", "goal", "verdict");

    private final List<Figure> figures;

    public ResultTable(List<Figure> figures) {
        this.figures = List.copyOf(figures);
    }

    public String text() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        figures.forEach(figure -> rows.add(cells(figure)));
        int[] widths = new int[HEADER.size()];
        rows.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == 3 ? pad(row.get(i), widths[i], true) : pad(row.get(i), widths[i], false)).append("  ");
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    public String tsv() {
        StringBuilder tsv = new StringBuilder(String.join("\t", HEADER)).append('\n');
        figures.forEach(figure -> tsv.append(String.join("\t", cells(figure))).append('\n'));
        return tsv.toString();
    }

    private static List<String> cells(Figure figure) {
        return List.of(figure.scenario(), figure.metric(), figure.unit(), Figures.format(figure.median()),
                figure.runs().stream().map(Figures::format).collect(Collectors.joining(" ")),
                figure.goal().map(Goal::describe).orElse(""), figure.verdict());
    }

    private static String pad(String cell, int width, boolean right) {
        String padding = " ".repeat(width - cell.length());
        return right ? padding + cell : cell + padding;
    }
}
