// The annotation side of docs/from-pytorch.md. After `mvn -q install -DskipTests -pl processor -am`, from the clone:
//   R=~/.m2/repository/dev/warmup; V=0.1.0-SNAPSHOT
//   A=$R/warmup-annotations/$V/warmup-annotations-$V.jar
//   P=$R/warmup-processor/$V/warmup-processor-$V.jar:$A:$(find ~/.m2/repository/com/palantir/javapoet -name 'javapoet-*.jar' | head -1)
//   javac -d /tmp/from-pytorch -cp $A -processorpath $P -Awarmup.plot=false docs/checks/FromPyTorch.java
//   java -cp /tmp/from-pytorch:$A p.FromPyTorch
package p;

import dev.warmup.*;

@WarmRestartsSchedule(baseLr = 0.1, t0 = 1, tMult = 3)
final class Sgdr3 {}

@OneCycleSchedule(maxLr = 0.1, totalSteps = 10)
final class OneCycle10 {}

@WarmupSchedule(steps = 4, initLr = 0.1, startLr = 0.1 * 0.1, decay = Decay.MULTISTEP, milestones = {7})
final class Sequential {}

@WarmupSchedule(steps = 0, initLr = 0.1, decay = Decay.COSINE, totalSteps = 10, minLr = 0.001)
final class Cosine {}

@WarmupSchedule(steps = 3, initLr = 0.1, warmup = Warmup.CONSTANT, startLr = 0.1 * 0.1)
final class Constant {}

public final class FromPyTorch {
    public static void main(String[] args) {
        System.out.println("Sgdr3 lr(121) = " + Sgdr3StepLr.INSTANCE.lr(121) + ", lr(120) = " + Sgdr3StepLr.INSTANCE.lr(120));
        StringBuilder b = new StringBuilder("OneCycle10 lr(0..11):");
        for (int t = 0; t <= 11; t++) b.append(' ').append(OneCycle10StepLr.INSTANCE.lr(t));
        System.out.println(b);
        b = new StringBuilder("Sequential lr(0..10):");
        for (int t = 0; t <= 10; t++) b.append(' ').append(Math.round(SequentialStepLr.INSTANCE.lr(t) * 1e6) / 1e6);
        System.out.println(b);
        b = new StringBuilder("Cosine lr(9..20):");
        for (int t = 9; t <= 20; t++) b.append(' ').append(Math.round(CosineStepLr.INSTANCE.lr(t) * 1e6) / 1e6);
        System.out.println(b);
        b = new StringBuilder("Constant lr(0..5):");
        for (int t = 0; t <= 5; t++) b.append(' ').append(ConstantStepLr.INSTANCE.lr(t));
        System.out.println(b);
    }
}
