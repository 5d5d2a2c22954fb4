package dev.podpath.analysis.fix;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Evaluates the candidates of one search step on every core: each candidate is an independent
 * simulation of its own edited copy of the snapshot (shared inputs are immutable), so the results
 * are those of evaluating them one by one; they are handed back in the step's order, so progress
 * and ranking do not depend on which finishes first.
 */
final class CandidatePool {

  private CandidatePool() {}

  /** One result per combination, in order; {@code get} waits for it and rethrows what the evaluation threw. */
  static <T, R> List<Supplier<R>> evaluateAll(List<T> combos, Function<T, R> evaluate) {
    int threads = Math.min(combos.size(), Runtime.getRuntime().availableProcessors());
    if (threads <= 1) {
      return combos.stream().<Supplier<R>>map(c -> () -> evaluate.apply(c)).toList();
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "podpath-fix");
      t.setDaemon(true);
      return t;
    });
    List<Supplier<R>> out = new ArrayList<>();
    try {
      for (T c : combos) {
        Future<R> f = pool.submit(() -> evaluate.apply(c));
        out.add(() -> join(f));
      }
    } finally {
      pool.shutdown(); // submitted work still runs; the threads end with it
    }
    return out;
  }

  private static <R> R join(Future<R> f) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return f.get();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
