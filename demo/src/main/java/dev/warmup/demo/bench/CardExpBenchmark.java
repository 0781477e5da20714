package dev.warmup.demo.bench;

import ai.djl.training.tracker.Tracker;
import dev.warmup.StepLr;
import org.nd4j.linalg.schedule.ISchedule;

/** The design card's schedule: linear warmup + exponential decay. */
public class CardExpBenchmark extends ScheduleBenchmark {

    @Override
    StepLr generated() {
        return BenchSchedules_CardExpStepLr.INSTANCE;
    }

    @Override
    double generatedDirect(long step) {
        return BenchSchedules_CardExpStepLr.INSTANCE.lr(step);
    }

    @Override
    double handInline(long step) {
        return HandInline.cardExp(step);
    }

    @Override
    Tracker newDjl() {
        return Peers.djlCardExp();
    }

    @Override
    ISchedule nd4j() {
        return Peers.nd4jCardExp();
    }

    @Override
    Peers.LambdaLr lambda() {
        return Peers.lambdaCardExp();
    }
}
