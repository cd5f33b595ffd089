import Foundation
import KinoCore

/// The simulation of one shot: people, props, cars, crowds, rain and the camera, stepped
/// once per frame. All randomness comes from WorldRandom seeded by (shot seed, frame), so a
/// state restored from a checkpoint steps exactly as the uninterrupted run.
struct World: Sendable {
    let setup: WorldSetup
    private(set) var state: WorldState

    /// The world at frame 0.
    init(setup: WorldSetup) {
        self.setup = setup
        state = WorldState(frame: 0, people: [], objects: [], cars: [], rain: [], camera: .still, backdropAnchor: nil)
        populate(keeping: nil)
    }

    /// A world continuing from `restored`, which may have been simulated under other inputs:
    /// subjects that still exist keep their positions and gait phases, so the seam is continuous.
    init(setup: WorldSetup, restoring restored: WorldState) {
        self.setup = setup
        state = restored
        populate(keeping: restored)
    }

    var frame: Int { state.frame }

    /// Advances one frame.
    mutating func step() {
        let dt = setup.dt
        let f = state.frame
        for i in state.people.indices { state.people[i].step(dt: dt) }
        for i in state.objects.indices {
            state.objects[i].yaw += state.objects[i].spinRate * dt
            state.objects[i].actionTime += dt
        }
        for i in state.cars.indices {
            let c = state.cars[i]
            state.cars[i].position += Vec3(sin(c.heading), 0, -cos(c.heading)) * (c.speed * dt)
        }
        wrapCrowd(frame: f)
        wrapTraffic(frame: f)
        stepRain(frame: f, dt: dt)
        stepShake(frame: f, dt: dt)
        state.frame += 1
    }

    // MARK: population

    private mutating func populate(keeping old: WorldState?) {
        let scene = setup.scene
        var rng = WorldRandom(seed: setup.seed, frame: state.frame, stream: RandomStream.setup.rawValue)
        let personIndices = scene.subjects.indices.filter { WorldSetup.isPerson(scene.subjects[$0].kind) }
        let propIndices = scene.subjects.indices.filter { WorldSetup.isProp(scene.subjects[$0].kind) }
        var people: [PersonState] = []
        for (k, i) in personIndices.enumerated() {
            let subject = scene.subjects[i]
            if var p = old?.people.first(where: { $0.subjectIndex == i }) {
                if p.action != subject.action.rawValue { p.action = subject.action.rawValue; p.actionTime = 0 }
                p.look = look(for: subject, previous: p.look, rng: &rng)
                people.append(p)
            } else {
                let x = (Double(k) - Double(personIndices.count - 1) / 2) * 0.9 + (setup.isStreet ? -0.3 : 0)
                let moving = subject.action == .walking || subject.action == .running
                let start = setup.interior?.start ?? .zero
                people.append(World.newPerson(subjectIndex: i, look: look(for: subject, previous: nil, rng: &rng),
                                              at: start + Vec3(x, 0, 0), heading: moving ? 0 : Double.pi,
                                              action: subject.action, phase: 0))
            }
        }
        let propBase = setup.propBase
        var objects: [ObjectState] = []
        for (k, i) in propIndices.enumerated() {
            let subject = scene.subjects[i]
            let spin = subject.action == .rotating || subject.action == .turning
                ? 2 * Double.pi / max(2, Double(setup.duration) / setup.fps) : (subject.action == .lifting ? 0.5 : 0)
            if var o = old?.objects.first(where: { $0.subjectIndex == i && $0.kind == subject.kind.rawValue }) {
                o.spinRate = spin
                if o.action != subject.action.rawValue { o.action = subject.action.rawValue; o.actionTime = 0 }
                if let c = subject.color ?? subject.clothesColor { o.color = c }
                objects.append(o)
            } else {
                let gap = (propIndices.map { PropShape.size(of: scene.subjects[$0].kind).x }.max() ?? 0.18) + 0.1
                let x = propBase + (Double(k) - Double(propIndices.count - 1) / 2) * gap
                objects.append(ObjectState(subjectIndex: i, kind: subject.kind.rawValue,
                                           position: Vec3(x, setup.propSurfaceHeight, 0), yaw: 0.35, spinRate: spin,
                                           color: subject.color ?? subject.clothesColor ?? World.defaultPropColor(subject.kind),
                                           action: subject.action.rawValue, actionTime: 0))
            }
        }
        var cars: [CarState] = []
        for i in scene.subjects.indices where scene.subjects[i].kind == .car {
            let subject = scene.subjects[i]
            let moving = ![.standing, .sitting, .rotating].contains(subject.action)
            if var c = old?.cars.first(where: { $0.subjectIndex == i }) {
                c.speed = moving ? 8 : 0
                if let col = subject.color { c.color = col }
                cars.append(c)
            } else {
                let x = setup.isStreet ? 4.5 : (personIndices.isEmpty ? 0 : 3)
                cars.append(CarState(subjectIndex: i, position: Vec3(x, 0, setup.isStreet ? -4 : 0), heading: 0,
                                     speed: moving ? 8 : 0, color: subject.color ?? RGB(178, 24, 30)))
            }
        }
        // Background: pedestrians and traffic, kept across a refine, trimmed or topped up.
        let crowdTarget = setup.isStreet ? Int((scene.crowdDensity * 28).rounded())
            : (scene.environment == .park ? Int((scene.crowdDensity * 10).rounded()) : 0)
        var crowd = (old?.people ?? []).filter { $0.subjectIndex < 0 }
        if crowd.count > crowdTarget { crowd.removeLast(crowd.count - crowdTarget) }
        var crowdRng = WorldRandom(seed: setup.seed, frame: state.frame, stream: RandomStream.crowd.rawValue)
        while crowd.count < crowdTarget { crowd.append(spawnPedestrian(z: crowdRng.uniform(-70, 14), rng: &crowdRng)) }
        let trafficTarget = setup.isStreet ? 6 : 0
        var traffic = (old?.cars ?? []).filter { $0.subjectIndex < 0 }
        if traffic.count > trafficTarget { traffic.removeLast(traffic.count - trafficTarget) }
        var carRng = WorldRandom(seed: setup.seed, frame: state.frame, stream: RandomStream.cars.rawValue)
        while traffic.count < trafficTarget { traffic.append(World.spawnCar(z: carRng.uniform(-100, 30), rng: &carRng)) }
        state.people = people + crowd
        state.objects = objects
        state.cars = cars + traffic

        if old == nil {
            let focus = focusPoint()
            state.camera.origin = focus.target
            state.camera.originForward = focus.front
        }
        if setup.weather == .rain {
            if state.rain.isEmpty {
                var r = WorldRandom(seed: setup.seed, frame: state.frame, stream: RandomStream.rain.rawValue)
                let c = rainCentre()
                for _ in 0..<World.rainDrops {
                    state.rain += [Float(c.x + r.uniform(-9, 9)), Float(r.uniform(0, 9)), Float(c.z + r.uniform(-9, 9))]
                }
            }
        } else {
            state.rain = []
        }
        if setup.startFrame != nil && state.backdropAnchor == nil { state.backdropAnchor = cameraPose() }
        if setup.startFrame == nil { state.backdropAnchor = nil }
    }

    static let rainDrops = 900

    static func newPerson(subjectIndex: Int, look: PersonLook, at p: Vec3, heading: Double,
                          action: SceneSpec.Action, phase: Double) -> PersonState {
        let foot = FootState(position: p, planted: false, liftOff: p)
        var person = PersonState(subjectIndex: subjectIndex, look: look, position: p, heading: heading, speed: 0,
                                 phase: phase, feet: [foot, foot], action: action.rawValue, actionTime: 0)
        person.placeFeetAtStart()
        return person
    }

    static func defaultPropColor(_ kind: SceneSpec.SubjectKind) -> RGB {
        switch kind {
        case .smartphone: return RGB(30, 32, 38)
        case .productBox: return RGB(230, 120, 40)
        case .bottle: return RGB(40, 120, 70)
        case .watch: return RGB(190, 190, 196)
        case .sneakers: return RGB(235, 235, 238)
        case .laptop: return RGB(170, 172, 178)
        case .mug: return RGB(240, 238, 232)
        default: return RGB(128, 128, 128)
        }
    }

    private func look(for subject: SceneSpec.Subject, previous: PersonLook?, rng: inout WorldRandom) -> PersonLook {
        if let a = setup.appearance(of: subject.characterID) {
            return PersonLook(skin: a.skin, hair: a.hair, top: a.top, bottom: a.bottom, height: a.height,
                              build: a.build, hairStyle: a.hairStyle, faceSeed: a.faceSeed)
        }
        var l = previous ?? World.randomLook(rng: &rng, kind: subject.kind)
        if let c = subject.clothesColor { l.top = c }
        if let h = subject.hairColor { l.hair = h }
        return l
    }

    static let skins = [RGB(241, 194, 160), RGB(224, 172, 130), RGB(198, 134, 96), RGB(141, 85, 54), RGB(92, 58, 38)]
    static let hairs = [RGB(30, 22, 18), RGB(70, 45, 30), RGB(140, 95, 50), RGB(215, 180, 110), RGB(120, 120, 120)]
    static let clothes = [RGB(40, 60, 110), RGB(150, 40, 45), RGB(60, 60, 64), RGB(210, 200, 180), RGB(50, 100, 70),
                          RGB(230, 160, 40), RGB(110, 70, 130), RGB(20, 20, 24), RGB(90, 140, 190), RGB(170, 110, 80)]

    static func randomLook(rng: inout WorldRandom, kind: SceneSpec.SubjectKind) -> PersonLook {
        let height: Double
        let style: HairStyle
        switch kind {
        case .woman: height = rng.uniform(1.6, 1.74); style = [.long, .bun, .curly, .short][rng.index(4)]
        case .man: height = rng.uniform(1.72, 1.88); style = [.short, .short, .bald, .curly][rng.index(4)]
        case .child: height = rng.uniform(1.1, 1.3); style = [.short, .long, .curly][rng.index(3)]
        default: height = rng.uniform(1.58, 1.88); style = HairStyle.allCases[rng.index(HairStyle.allCases.count)]
        }
        return PersonLook(skin: skins[rng.index(skins.count)], hair: hairs[rng.index(hairs.count)],
                          top: clothes[rng.index(clothes.count)], bottom: clothes[rng.index(clothes.count)],
                          height: height, build: Build.allCases[rng.index(3)], hairStyle: style, faceSeed: rng.next())
    }

    // MARK: crowd, traffic, rain, shake

    private func spawnPedestrian(z: Double, rng: inout WorldRandom) -> PersonState {
        let sideA = rng.chance(0.6)
        // Side A keeps clear of the subjects' lane (x around 0).
        let x = setup.isStreet ? (sideA ? (rng.chance(0.5) ? rng.uniform(-2.7, -1.4) : rng.uniform(1.0, 2.2)) : rng.uniform(10.9, 13.6))
            : (rng.chance(0.5) ? rng.uniform(1.6, 2.3) : rng.uniform(2.8, 3.4))
        let zz = z
        let heading = rng.chance(0.5) ? 0 : Double.pi
        return World.newPerson(subjectIndex: -1, look: World.randomLook(rng: &rng, kind: .character), at: Vec3(x, 0, zz),
                               heading: heading, action: .walking, phase: rng.unit())
    }

    static func spawnCar(z: Double, rng: inout WorldRandom) -> CarState {
        let towards = rng.chance(0.5)
        let palette = [RGB(200, 200, 205), RGB(25, 25, 30), RGB(150, 20, 25), RGB(30, 60, 120), RGB(90, 95, 100), RGB(220, 180, 40)]
        return CarState(subjectIndex: -1, position: Vec3(towards ? 8.5 : 4.5, 0, z), heading: towards ? Double.pi : 0,
                        speed: rng.uniform(7, 11), color: palette[rng.index(palette.count)])
    }

    /// The stretch of street the background lives in, following the camera down the street.
    private func backgroundSpan() -> (z: Double, ahead: Double) {
        let pose = cameraPose()
        return (pose.position.z, pose.target.z <= pose.position.z ? -1 : 1)
    }

    private mutating func wrapCrowd(frame: Int) {
        guard state.people.contains(where: { $0.subjectIndex < 0 }) else { return }
        var rng = WorldRandom(seed: setup.seed, frame: frame, stream: RandomStream.crowd.rawValue)
        let (cz, ahead) = backgroundSpan()
        let lo = ahead < 0 ? cz - 80 : cz - 25, hi = ahead < 0 ? cz + 25 : cz + 80
        for i in state.people.indices where state.people[i].subjectIndex < 0 {
            let p = state.people[i]
            if p.position.z < lo || p.position.z > hi {
                var fresh = spawnPedestrian(z: p.position.z < lo ? hi - 1 : lo + 1, rng: &rng)
                fresh.heading = p.heading
                fresh.placeFeetAtStart()
                state.people[i] = fresh
            }
        }
    }

    private mutating func wrapTraffic(frame: Int) {
        guard state.cars.contains(where: { $0.subjectIndex < 0 }) else { return }
        var rng = WorldRandom(seed: setup.seed, frame: frame, stream: RandomStream.cars.rawValue)
        let (cz, ahead) = backgroundSpan()
        let lo = ahead < 0 ? cz - 110 : cz - 40, hi = ahead < 0 ? cz + 40 : cz + 110
        for i in state.cars.indices where state.cars[i].subjectIndex < 0 {
            let z = state.cars[i].position.z
            if z < lo || z > hi {
                state.cars[i].position.z = z < lo ? hi - 1 : lo + 1
                state.cars[i].speed = rng.uniform(7, 11)
            }
        }
    }

    private func rainCentre() -> Vec3 {
        let pose = cameraPose()
        let f = (pose.target - pose.position).normalized
        return pose.position + Vec3(f.x, 0, f.z).normalized * 7
    }

    private mutating func stepRain(frame: Int, dt: Double) {
        guard !state.rain.isEmpty else { return }
        var rng = WorldRandom(seed: setup.seed, frame: frame, stream: RandomStream.rain.rawValue)
        let c = rainCentre()
        let cx = Float(c.x), cz = Float(c.z)
        let fall = Float(8.5 * dt), drift = Float(0.6 * dt)
        var i = 0
        while i < state.rain.count {
            var x = state.rain[i] + drift, y = state.rain[i + 1] - fall, z = state.rain[i + 2]
            if y < 0 {
                y += 9
                x = cx + Float(rng.uniform(-9, 9))
                z = cz + Float(rng.uniform(-9, 9))
            }
            if x - cx > 9 { x -= 18 } else if x - cx < -9 { x += 18 }
            if z - cz > 9 { z -= 18 } else if z - cz < -9 { z += 18 }
            state.rain[i] = x; state.rain[i + 1] = y; state.rain[i + 2] = z
            i += 3
        }
    }

    private mutating func stepShake(frame: Int, dt: Double) {
        guard setup.explicitCamera == nil, setup.scene.cameraMoves.contains(.handheld) else { return }
        var rng = WorldRandom(seed: setup.seed, frame: frame, stream: RandomStream.camera.rawValue)
        let omega = 2 * Double.pi * 0.8, zeta = 0.7
        let sigma = [0.28, 0.2, 0.28, 0.09, 0.07]
        for k in 0..<5 {
            let n = (rng.unit() + rng.unit() + rng.unit() - 1.5) * 2
            var v = state.camera.shakeVelocity[k]
            v += (-omega * omega * state.camera.shake[k] - 2 * zeta * omega * v) * dt + sigma[k] * n * dt.squareRoot()
            state.camera.shakeVelocity[k] = v
            state.camera.shake[k] += v * dt
        }
    }
}

extension PersonState {
    /// Plants both feet beside the body (a person appears standing).
    mutating func placeFeetAtStart() {
        for i in 0..<2 { feet[i].planted = false }
        let action = sceneAction
        action == .walking || action == .running ? plantForGait() : standStill()
    }

    private mutating func plantForGait() {
        // Start mid-stride: take one zero-length step so the gait places the feet.
        step(dt: 0)
    }
}
