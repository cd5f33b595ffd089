import Foundation
import KinoCore

/// A gait: how fast a person travels and how their feet cycle. The stance foot is held at
/// the world point where it landed, so it cannot slide whatever the speed or turn rate.
struct Gait: Sendable {
    var speed: Double
    /// Seconds per full cycle (two steps).
    var period: Double
    /// Fraction of the cycle a foot is on the ground.
    var stance: Double
    var lift: Double
    var bob: Double

    static func of(_ action: SceneSpec.Action, height: Double) -> Gait? {
        let s = height / 1.72
        switch action {
        case .walking: return Gait(speed: 1.35 * s, period: 1.05 * s.squareRoot(), stance: 0.6, lift: 0.11 * s, bob: 0.022 * s)
        case .running: return Gait(speed: 3.4 * s, period: 0.68 * s.squareRoot(), stance: 0.38, lift: 0.22 * s, bob: 0.05 * s)
        case .turning: return Gait(speed: 0, period: 1.1, stance: 0.6, lift: 0.05 * s, bob: 0.008 * s)
        default: return nil
        }
    }
}

/// Joint positions of a person at one instant, in world metres; what the rasteriser draws.
struct Skeleton: Sendable {
    var forward: Vec3
    var right: Vec3
    var pelvis: Vec3
    var neck: Vec3
    var head: Vec3
    var headForward: Vec3
    var shoulders: [Vec3]
    var elbows: [Vec3]
    var hands: [Vec3]
    var hips: [Vec3]
    var knees: [Vec3]
    var ankles: [Vec3]
    var holdsPhone: Bool
    var isSitting: Bool
}

extension PersonState {
    static let turnRate = 1.1

    /// Lateral offset of foot `i` (0 left, 1 right) from the line of travel.
    func footOffset(_ i: Int) -> Vec3 { right * ((i == 0 ? -1 : 1) * 0.095 * look.height / 1.72) }

    /// Advances the person by `dt` seconds.
    mutating func step(dt: Double) {
        let action = sceneAction
        actionTime += dt
        if action == .turning { heading += PersonState.turnRate * dt }
        guard let g = Gait.of(action, height: look.height) else {
            speed = 0
            standStill()
            return
        }
        speed = g.speed
        position += forward * (speed * dt)
        phase = (phase + dt / g.period).truncatingRemainder(dividingBy: 1)
        for i in 0..<2 {
            let phi = (phase + 0.5 * Double(i)).truncatingRemainder(dividingBy: 1)
            if phi < g.stance {
                if !feet[i].planted {
                    // Land so the foot passes under the hip at mid-stance.
                    let ahead = speed * g.period * (g.stance / 2 - phi)
                    var p = position + forward * ahead + footOffset(i)
                    p.y = 0
                    feet[i].position = p
                    feet[i].planted = true
                }
            } else {
                if feet[i].planted {
                    feet[i].planted = false
                    feet[i].liftOff = feet[i].position
                }
                let s = (phi - g.stance) / (1 - g.stance)
                let remaining = (1 - s) * (1 - g.stance) * g.period
                var target = position + forward * (speed * remaining + speed * g.period * g.stance / 2) + footOffset(i)
                target.y = 0
                let e = s * s * (3 - 2 * s)
                var p = feet[i].liftOff + (target - feet[i].liftOff) * e
                p.y = g.lift * sin(Double.pi * s)
                feet[i].position = p
            }
        }
    }

    /// Puts both feet at rest beside the body, planted.
    mutating func standStill() {
        let sitting = sceneAction == .sitting
        for i in 0..<2 {
            var rest = position + footOffset(i) * (sitting ? 1.6 : 1) + forward * (sitting ? 0.42 * look.height / 1.72 : 0)
            rest.y = 0
            let d = feet[i].position - rest
            if !feet[i].planted || (d * d).sum() > 0.0004 {
                feet[i].position = rest
                feet[i].liftOff = rest
                feet[i].planted = true
            }
        }
    }

    /// The joints to draw.
    func skeleton() -> Skeleton {
        let h = look.height
        let up = Vec3(0, 1, 0)
        let fwd = forward, rgt = right
        let action = sceneAction
        let widthScale: Double = look.build == .slim ? 0.9 : (look.build == .broad ? 1.15 : 1)
        let thigh = 0.25 * h, shin = 0.25 * h, upperArm = 0.18 * h, forearm = 0.17 * h
        let t = actionTime
        var pelvis = position
        var bobPhase = 0.0
        if let g = Gait.of(action, height: h) {
            bobPhase = cos(4 * Double.pi * (phase - g.stance / 2))
            pelvis.y = 0.505 * h + g.bob * bobPhase
        } else if action == .sitting {
            pelvis.y = 0.27 * h + 0.01
        } else {
            pelvis.y = 0.52 * h + 0.003 * sin(2 * Double.pi * t / 3.3)
            pelvis += rgt * (0.008 * sin(2 * Double.pi * t / 4.1))
        }
        let lean = action == .running ? 0.12 : (action == .walking ? 0.03 : 0)
        let spineUp = (up + fwd * lean) / (1 + lean * lean).squareRoot()
        let neck = pelvis + spineUp * (0.30 * h) + up * (0.004 * sin(2 * Double.pi * t / 3.9))
        let headPitch = action == .usingPhone ? -0.45 : 0.0
        let headForward = fwd * cos(headPitch) + up * sin(headPitch)
        let head = neck + spineUp * (0.11 * h) + headForward * (0.01 * h)
        let shoulderHalf = 0.115 * h * widthScale
        let shoulders = [neck - rgt * shoulderHalf - up * (0.02 * h), neck + rgt * shoulderHalf - up * (0.02 * h)]
        let hipHalf = 0.065 * h * widthScale
        let hips = [pelvis - rgt * hipHalf, pelvis + rgt * hipHalf]

        var ankles = [feet[0].position + up * (0.04 * h), feet[1].position + up * (0.04 * h)]
        var knees = [Vec3](repeating: .zero, count: 2)
        if action == .sitting {
            for i in 0..<2 {
                knees[i] = hips[i] + fwd * thigh + up * 0.02
                ankles[i] = Vec3(knees[i].x, 0.04 * h, knees[i].z)
            }
        } else {
            for i in 0..<2 { knees[i] = PersonState.knee(hip: hips[i], ankle: ankles[i], thigh: thigh, shin: shin, bend: fwd) }
        }

        var elbows = [Vec3](repeating: .zero, count: 2)
        var hands = [Vec3](repeating: .zero, count: 2)
        let swing: Double
        switch action {
        case .walking: swing = 0.45 * cos(2 * Double.pi * phase)
        case .running: swing = 0.9 * cos(2 * Double.pi * phase)
        default: swing = 0
        }
        for i in 0..<2 {
            let side = i == 0 ? -1.0 : 1.0
            // Arms swing against the legs: the right arm leads when the left foot lands.
            let a = swing * side
            let upperDir = (-up * cos(a) + fwd * sin(a) + rgt * (side * 0.12)).normalized
            elbows[i] = shoulders[i] + upperDir * upperArm
            let bend = action == .running ? 1.4 : (action == .sitting ? 0.9 : 0.25)
            let foreDir = (-up * cos(a + bend) + fwd * sin(a + bend)).normalized
            hands[i] = elbows[i] + foreDir * forearm
        }
        if action == .waving {
            let upperDir = (up * 0.55 + rgt * 0.8 + fwd * 0.1).normalized
            elbows[1] = shoulders[1] + upperDir * upperArm
            let w = 0.5 * sin(2 * Double.pi * 1.6 * t)
            hands[1] = elbows[1] + (up * cos(w) + rgt * sin(w)).normalized * forearm
        }
        if action == .usingPhone {
            let upperDir = (-up * 0.92 + fwd * 0.3 + rgt * 0.1).normalized
            elbows[1] = shoulders[1] + upperDir * upperArm
            hands[1] = Vec3(pelvis.x, 0, pelvis.z) + fwd * (0.17 * h) + rgt * (0.02 * h) + up * (0.7 * h)
        }
        return Skeleton(forward: fwd, right: rgt, pelvis: pelvis, neck: neck, head: head, headForward: headForward,
                        shoulders: shoulders, elbows: elbows, hands: hands, hips: hips, knees: knees, ankles: ankles,
                        holdsPhone: action == .usingPhone, isSitting: action == .sitting)
    }

    /// Two-bone inverse kinematics: the knee, bending towards `bend`. An unreachable ankle
    /// straightens the leg (the foot stays where it is planted).
    static func knee(hip: Vec3, ankle: Vec3, thigh: Double, shin: Double, bend: Vec3) -> Vec3 {
        let v = ankle - hip
        let d = max(1e-6, v.length)
        let dir = v / d
        if d >= thigh + shin - 1e-6 { return hip + dir * (d * thigh / (thigh + shin)) }
        let cosA = (thigh * thigh + d * d - shin * shin) / (2 * thigh * d)
        let sinA = max(0, 1 - cosA * cosA).squareRoot()
        var perp = bend - dir * (bend * dir).sum()
        if perp.length < 1e-6 { perp = Vec3(0, 0, 1) }
        return hip + dir * (thigh * cosA) + perp.normalized * (thigh * sinA)
    }
}

extension SIMD3 where Scalar == Double {
    var length: Double { (self * self).sum().squareRoot() }
    var normalized: Vec3 { let l = length; return l > 0 ? self / l : self }
    func cross(_ b: Vec3) -> Vec3 { Vec3(y * b.z - z * b.y, z * b.x - x * b.z, x * b.y - y * b.x) }
    func dot(_ b: Vec3) -> Double { (self * b).sum() }
}
