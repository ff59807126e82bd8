import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.*;

/** The bench's analyzer line for two jars in one JVM, rounds interleaved: before, after, before, after ... */
public class Interleave {
  public static void main(String[] args) throws Exception {
    String[] names = {"before", "after"};
    Method[] round = new Method[2];
    for (int i = 0; i < 2; i++) {
      URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(System.getProperty("probe.classes")).toUri().toURL(),
          Path.of(args[i]).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
      Class<?> c = loader.loadClass("ProbeRound");
      c.getMethod("prepare", String.class, String.class, int.class).invoke(null, args[2], args[3], args[2].equals("generated") ? 3000 : 20000);
      round[i] = c.getMethod("round");
    }
    int rounds = Integer.parseInt(args[4]);
    List<List<double[]>> results = List.of(new ArrayList<>(), new ArrayList<>());
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < 2; i++) {
        double[] x = (double[]) round[i].invoke(null);
        results.get(i).add(x);
        System.out.printf(Locale.ROOT, "round %d %s: %.0f articles/s, %.3f CPU ms/article%n", r, names[i], x[0], x[1]);
      }
    }
    double[] med = new double[2], cpu = new double[2];
    for (int i = 0; i < 2; i++) {
      List<double[]> warm = results.get(i).subList(rounds / 3, rounds);
      double[] a = warm.stream().mapToDouble(x -> x[0]).sorted().toArray();
      double[] c = warm.stream().mapToDouble(x -> x[1]).sorted().toArray();
      med[i] = a[a.length / 2];
      cpu[i] = c[c.length / 2];
      System.out.printf(Locale.ROOT, "%s: median of rounds %d-%d: %.0f articles/s, %.3f CPU ms/article%n", names[i],
          rounds / 3, rounds - 1, med[i], cpu[i]);
    }
    System.out.printf(Locale.ROOT, "after/before: throughput %.2f, CPU per article %.2f (inverse %.2f)%n",
        med[1] / med[0], cpu[1] / cpu[0], cpu[0] / cpu[1]);
  }
}
