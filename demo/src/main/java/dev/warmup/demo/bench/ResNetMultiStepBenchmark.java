package dev.warmup.demo.bench;

import ai.djl.training.tracker.Tracker;
import dev.warmup.StepLr;
import org.nd4j.linalg.schedule.ISchedule;

/** ResNet-110's schedule: constant warmup + multi-step decay. */
public class ResNetMultiStepBenchmark extends ScheduleBenchmark {

    @Override
    StepLr generated() {
        return BenchSchedules_ResNetMultiStepStepLr.INSTANCE;
    }

    @Override
    double generatedDirect(long step) {
        return BenchSchedules_ResNetMultiStepStepLr.INSTANCE.lr(step);
    }

    @Override
    double handInline(long step) {
        return HandInline.resNetMultiStep(step);
    }

    @Override
    Tracker newDjl() {
        return Peers.djlResNetMultiStep();
    }

    @Override
    ISchedule nd4j() {
        return Peers.nd4jResNetMultiStep();
    }

    @Override
    Peers.LambdaLr lambda() {
        return Peers.lambdaResNetMultiStep();
    }
}
