package org.weft.server.domain.classify;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.weft.server.domain.taxonomy.Taxonomy;

/**
 * A measuring aid for G9 on a busy machine, not a check: CPU time, which the machine's load moves much less than wall
 * time, and Lingua's call both ways in one JVM. Run with {@code -Dweft.eval.g9cpu=true} (and {@code nice}); figures in
 * BENCHMARKS.md, "G9: Lingua on the caller's thread and the look-up's sums done by hand".
 */
@EnabledIfSystemProperty(named = "weft.eval.g9cpu", matches = "true")
class G9CpuTimes {

    /** The G9 benchmark's twelve posts ({@code ClassifyBenchmarks.POSTS}, which the server's tests cannot see). */
    private static final List<String> POSTS = List.of(
            "Does anyone have a spare pushchair? Ours broke on the way back from the clinic",
            "Got two bags of rice and some tins we won't use, free to whoever needs them #food",
            "Je peux garder des enfants le mercredi après-midi, j'ai l'habitude, écrivez-moi",
            "Quelqu'un aurait un matelas ou un canapé pour une nuit ou deux ? merci beaucoup",
            "Necesito ayuda para llenar los papeles del asilo, no entiendo nada del formulario",
            "Regalo ropa de invierno para niños, talla 6 a 8, todo limpio, paso a dejarla",
            "Потрібна допомога з перекладом документів з української на німецьку, терміново",
            "Маю зайві ковдри і подушки, віддам безкоштовно, пишіть у приват",
            "عندي طنجرة كبيرة وصحون زيادة، ببلاش لأي عيلة محتاجة بالمخيم",
            "محتاجين حليب أطفال ضروري، الصغير عمره ٣ شهور وخلص الحليب",
            "کسی می‌تونه فردا منو تا بیمارستان برسونه؟ وقت دکتر دارم",
            "چند تا پتو و یه بخاری برقی اضافه داریم، رایگان برای هر کی لازم داره");

    /**
     * The twelve posts classified in turn, 40 s of warm-up then 20 s measured: the process's CPU time per post (every
     * thread: a pool worker's share of Lingua where it still has one, the JIT and the collector too) and the calling
     * thread's CPU time per post.
     */
    @Test
    void cpuPerPost() {
        TextClassifier classifier = new TextClassifier(Taxonomy.load());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int next = 0;
        for (long end = System.nanoTime() + 40_000_000_000L; System.nanoTime() < end; ) {
            classifier.classify(POSTS.get(next++ % POSTS.size()), List.of());
        }
        long[] wall = new long[2_000_000];
        long[] cpu = new long[wall.length];
        int n = 0;
        long process = os.getProcessCpuTime();
        for (long end = System.nanoTime() + 20_000_000_000L; System.nanoTime() < end && n < wall.length; n++) {
            long start = System.nanoTime();
            long thread = threads.getCurrentThreadCpuTime();
            classifier.classify(POSTS.get(next++ % POSTS.size()), List.of());
            cpu[n] = threads.getCurrentThreadCpuTime() - thread;
            wall[n] = System.nanoTime() - start;
        }
        process = os.getProcessCpuTime() - process;
        System.out.printf(Locale.ROOT, "%d posts: process CPU per post %d µs; calling thread's CPU %s; wall %s%n", n,
                process / n / 1000, percentiles(cpu, n), percentiles(wall, n));
    }

    /** Lingua's own call and {@link CallerThreadLingua}'s, alternated, ten rounds of 6,000 calls over six posts. */
    @Test
    void linguaBothWays() {
        List<String> posts = List.of(POSTS.get(0), POSTS.get(1), POSTS.get(2), POSTS.get(4), POSTS.get(8),
                POSTS.get(10));
        com.github.pemistahl.lingua.api.LanguageDetector lingua = LanguageDetector.lingua();
        CallerThreadLingua here = new CallerThreadLingua(lingua);
        for (int round = 0; round < 10; round++) {
            for (boolean own : new boolean[] {true, false}) {
                long[] times = new long[6000];
                for (int i = 0; i < times.length; i++) {
                    String post = posts.get(i % posts.size());
                    long start = System.nanoTime();
                    Object values = own ? lingua.computeLanguageConfidenceValues(post) : here.confidenceValues(post);
                    times[i] = System.nanoTime() - start;
                    if (values == null) {
                        throw new AssertionError(post);
                    }
                }
                System.out.printf(Locale.ROOT, "round %d, %s: %s%n", round, own ? "Lingua's own call" : "caller's thread",
                        percentiles(times, times.length));
            }
        }
    }

    private static String percentiles(long[] nanos, int n) {
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "p50 %d µs, p90 %d µs, p99 %d µs", sorted[n / 2] / 1000,
                sorted[n * 9 / 10] / 1000, sorted[n * 99 / 100] / 1000);
    }
}
