package dev.warmup.demo.bench;

import ai.djl.training.tracker.Tracker;
import dev.warmup.StepLr;
import org.nd4j.linalg.schedule.ISchedule;

/** nanoGPT's schedule: linear warmup + cosine decay to minLr. */
public class NanoGptCosineBenchmark extends ScheduleBenchmark {

    @Override
    StepLr generated() {
        return BenchSchedules_NanoGptCosineStepLr.INSTANCE;
    }

    @Override
    double generatedDirect(long step) {
        return BenchSchedules_NanoGptCosineStepLr.INSTANCE.lr(step);
    }

    @Override
    double handInline(long step) {
        return HandInline.nanoGptCosine(step);
    }

    @Override
    Tracker newDjl() {
        return Peers.djlNanoGptCosine();
    }

    @Override
    ISchedule nd4j() {
        return Peers.nd4jNanoGptCosine();
    }

    @Override
    Peers.LambdaLr lambda() {
        return Peers.lambdaNanoGptCosine();
    }
}
