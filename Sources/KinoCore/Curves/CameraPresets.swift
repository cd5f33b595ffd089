import Foundation

/// How far each preset moves at intensity 1 (intensity scales it; a negative intensity moves
/// the other way). Docs/Curves.md lists them with examples.
extension CameraPreset {
    /// Where every preset starts: this far in front of the subject (+z side), looking at it.
    public static let startDistance = 6.0
    /// …and this far above the subject.
    public static let startHeight = 0.6
    /// The lens every preset starts with, mm.
    public static let startFocalLength = 35.0

    public static let panDegrees = 30.0
    public static let tiltDegrees = 15.0
    public static let rollDegrees = 15.0
    /// Zoom doubles the focal length (35 → 70 mm).
    public static let zoomStops = 1.0
    public static let dollyMetres = 3.0
    public static let truckMetres = 2.0
    public static let pedestalMetres = 1.0
    public static let craneMetres = 2.0
    /// Follow keeps the camera this far behind the moving subject…
    public static let followDistance = 4.0
    /// …and this far above it.
    public static let followHeight = 0.8
    /// Handheld jitter bounds: camera position per axis (m), aim point per axis (m), roll (°).
    public static let handheldPositionJitter = 0.015
    public static let handheldAimJitter = 0.03
    public static let handheldRollJitter = 0.3
    /// Handheld draws a new random offset every this many seconds.
    public static let handheldKeySpacing = 0.25
    /// Keys per full turn of an orbit (every 45°).
    public static let orbitKeys = 8
}

/// Where a preset is centred and how far out it starts: the subject's point, the camera's
/// distance and height above it, and the lens. An engine that knows the subject supplies
/// it (the product's centre, at the distance its shot size needs); `standard` is the
/// framing of a person-sized subject at the origin.
public struct PresetFraming: Hashable, Sendable, Codable {
    public var subject: Vec3
    public var distance: Double
    public var height: Double
    public var focalLength: Double
    public init(subject: Vec3, distance: Double, height: Double, focalLength: Double) {
        self.subject = subject; self.distance = distance; self.height = height; self.focalLength = focalLength
    }
    public static func standard(subject: Vec3 = Vec3(0, 1.0, 0)) -> PresetFraming {
        PresetFraming(subject: subject, distance: CameraPreset.startDistance, height: CameraPreset.startHeight,
                      focalLength: CameraPreset.startFocalLength)
    }
    /// Moves measured in metres (dolly, truck, pedestal, crane, follow) scale with the distance.
    var scale: Double { distance / CameraPreset.startDistance }
}

extension CameraPath {
    /// The pose every preset starts from: in front of `subject`, slightly above, looking at it.
    public static func presetStart(subject: Vec3 = Vec3(0, 1.0, 0)) -> CameraPose {
        presetStart(.standard(subject: subject))
    }

    /// The pose a preset starts from with `framing`: `distance` in front (+z) of the subject,
    /// `height` above it, looking at it.
    public static func presetStart(_ framing: PresetFraming) -> CameraPose {
        CameraPose(position: framing.subject + Vec3(0, framing.height, framing.distance),
                   target: framing.subject, roll: 0, focalLength: framing.focalLength)
    }

    /// A camera path for `preset` over a shot of `frames` frames, written as ordinary keyframes
    /// the user can tweak. The move starts at frame 0 and completes on the last frame
    /// (`frames - 1`); moves ease in and out (auto-clamped bezier keys). `intensity` scales the
    /// move and its sign reverses it; `seed` only matters to handheld; `subjectVelocity`
    /// (metres per second) only to follow.
    public static func preset(_ preset: CameraPreset, frames: Int, frameRate: FrameRate,
                              subject: Vec3 = Vec3(0, 1.0, 0), subjectVelocity: Vec3 = .zero,
                              intensity: Double = 1, seed: UInt64 = 1) -> CameraPath {
        self.preset(preset, frames: frames, frameRate: frameRate, framing: .standard(subject: subject),
                    subjectVelocity: subjectVelocity, intensity: intensity, seed: seed)
    }

    /// A preset centred on `framing`: it starts `framing.distance` from the subject and its
    /// moves in metres scale with that distance (a dolly on a phone 0.8 m away travels 0.4 m).
    public static func preset(_ preset: CameraPreset, frames: Int, frameRate: FrameRate, framing: PresetFraming,
                              subjectVelocity: Vec3 = .zero, intensity: Double = 1, seed: UInt64 = 1) -> CameraPath {
        let end = Double(max(frames - 1, 0))
        let start = presetStart(framing)
        let subject = framing.subject
        let s = intensity.isFinite ? intensity : 1
        let k = framing.scale
        var move = CameraMove()
        switch preset {
        case .static: break
        case .pan: move.yaw = CameraPreset.panDegrees * s
        case .tilt: move.pitch = CameraPreset.tiltDegrees * s
        case .roll: move.roll = CameraPreset.rollDegrees * s
        case .zoom: move.zoomStops = CameraPreset.zoomStops * s
        case .dolly: move.dolly = min(CameraPreset.dollyMetres * s * k, framing.distance - 0.5 * k)
        case .truck: move.truck = CameraPreset.truckMetres * s * k
        case .pedestal: move.pedestal = CameraPreset.pedestalMetres * s * k
        case .crane: move.crane = CameraPreset.craneMetres * s * k
        case .orbit:
            return orbit(start: start, subject: subject, end: end, clockwise: s < 0)
        case .follow:
            return follow(subject: subject, velocity: subjectVelocity, end: end, framesPerSecond: frameRate.doubleValue,
                          distance: CameraPreset.followDistance * k, height: CameraPreset.followHeight * k, focalLength: framing.focalLength)
        case .handheld:
            return handheld(start: start, end: end, framesPerSecond: frameRate.doubleValue, amount: abs(s), seed: seed)
        }
        return path(for: move, from: start, end: end)
    }

    /// Kling-style `camera_control` (each value -10…10, clamped) as one combined move over the
    /// shot, following Kling's own definitions: `horizontal` trucks (+ right), `vertical`
    /// pedestals (+ up), `pan` turns about the camera's x axis (+ up, what film calls a tilt),
    /// `tilt` turns about the y axis (+ right, what film calls a pan), `roll` rolls (+
    /// clockwise), `zoom` widens the view when positive (shorter focal length). A value of 5 is
    /// the matching preset at intensity 1; 10 is twice that. `frameRate` is accepted for
    /// symmetry with `preset`; the move is measured in frames.
    public static func klingControl(horizontal: Double = 0, vertical: Double = 0, pan: Double = 0,
                                    tilt: Double = 0, roll: Double = 0, zoom: Double = 0,
                                    frames: Int, frameRate: FrameRate) -> CameraPath {
        func unit(_ v: Double) -> Double { v.isFinite ? min(10, max(-10, v)) / 5 : 0 }
        var move = CameraMove()
        move.truck = CameraPreset.truckMetres * unit(horizontal)
        move.pedestal = CameraPreset.pedestalMetres * unit(vertical)
        move.pitch = CameraPreset.tiltDegrees * unit(pan)
        move.yaw = CameraPreset.panDegrees * unit(tilt)
        move.roll = CameraPreset.rollDegrees * unit(roll)
        move.zoomStops = -CameraPreset.zoomStops * unit(zoom)
        return path(for: move, from: presetStart(), end: Double(max(frames - 1, 0)))
    }

    /// Keys for `move` from frame 0 to `end`. A turn of more than 30° gets a key every ≤ 30°,
    /// placed along a sine ease, so the aim point follows the arc.
    static func path(for move: CameraMove, from start: CameraPose, end: Double) -> CameraPath {
        guard end > 0, move != CameraMove() else { return keyed([(0, start)]) }
        let segments = max(1, Int((move.largestTurn / 30).rounded(.up)))
        let poses = (0...segments).map { i -> (Double, CameraPose) in
            let u = Double(i) / Double(segments)
            let eased = segments == 1 ? u : (1 - cos(.pi * u)) / 2
            return (i == segments ? end : end * u, move.pose(from: start, progress: eased))
        }
        return keyed(poses)
    }

    /// One curve per channel through the poses; a channel that never changes gets one key.
    static func keyed(_ poses: [(frame: Double, pose: CameraPose)], interpolation: Interpolation = .bezier) -> CameraPath {
        var channels: [CameraChannel: AnimationCurve] = [:]
        for channel in CameraChannel.allCases {
            let values = poses.map { $0.pose[channel] }
            let used = values.allSatisfy { $0 == values[0] } ? [0] : Array(poses.indices)
            channels[channel] = AnimationCurve(keys: used.map {
                Keyframe(frame: poses[$0].frame, value: values[$0], interpolation: interpolation)
            })
        }
        return CameraPath(channels: channels)
    }

    /// A full turn around the subject at constant radius and height, at constant speed, ending
    /// exactly where it started. Keys every 45° carry aligned handles of the standard circular
    /// length (4/3·tan(45°/4) of the radius, a third of the gap in time), so x(t) is linear in
    /// time and the position stays within 5e-6 of the radius from the subject (0.03 mm at 6 m).
    static func orbit(start: CameraPose, subject: Vec3, end: Double, clockwise: Bool) -> CameraPath {
        guard end > 0 else { return keyed([(0, start)]) }
        let offset = start.position - subject
        let radius = (offset.x * offset.x + offset.z * offset.z).squareRoot()
        let phase = atan2(offset.x, offset.z)
        let n = CameraPreset.orbitKeys
        let step = (clockwise ? -2 : 2) * Double.pi / Double(n)
        let reach = 4.0 / 3.0 * tan(step / 4)
        let dt = end / Double(n) / 3
        var xs: [Keyframe] = [], zs: [Keyframe] = []
        for i in 0...n {
            let angle = phase + step * Double(i % n)
            let frame = i == n ? end : end * Double(i) / Double(n)
            // dP/dangle = radius·(cos, -sin); the handle is that times the circular reach.
            let hx = radius * cos(angle) * reach, hz = -radius * sin(angle) * reach
            xs.append(Keyframe(frame: frame, value: i == n ? xs[0].value : subject.x + radius * sin(angle),
                               handleType: .aligned, leftHandle: Handle(dt: -dt, dv: -hx), rightHandle: Handle(dt: dt, dv: hx)))
            zs.append(Keyframe(frame: frame, value: i == n ? zs[0].value : subject.z + radius * cos(angle),
                               handleType: .aligned, leftHandle: Handle(dt: -dt, dv: -hz), rightHandle: Handle(dt: dt, dv: hz)))
        }
        var path = keyed([(0, start)])
        path[.positionX] = AnimationCurve(keys: xs)
        path[.positionZ] = AnimationCurve(keys: zs)
        return path
    }

    /// Behind a subject that moves at `velocity` m/s from `subject`, at a constant offset:
    /// followDistance back along its horizontal heading (+z when it does not move sideways) and
    /// followHeight up, looking at it. Linear keys, so the offset is the same on every frame.
    static func follow(subject: Vec3, velocity: Vec3, end: Double, framesPerSecond: Double,
                       distance: Double = CameraPreset.followDistance, height: Double = CameraPreset.followHeight,
                       focalLength: Double = CameraPreset.startFocalLength) -> CameraPath {
        let heading = Vec3(velocity.x, 0, velocity.z)
        let speed = CameraMove.length(heading)
        let back = speed > 1e-9 ? -heading / speed : Vec3(0, 0, 1)
        let offset = back * distance + Vec3(0, height, 0)
        func pose(_ s: Vec3) -> CameraPose {
            CameraPose(position: s + offset, target: s, roll: 0, focalLength: focalLength)
        }
        guard end > 0 else { return keyed([(0, pose(subject))]) }
        let subjectAtEnd = subject + velocity * (end / framesPerSecond)
        return keyed([(0, pose(subject)), (end, pose(subjectAtEnd))], interpolation: .linear)
    }

    /// Seeded smooth jitter around the start pose: a random offset every handheldKeySpacing
    /// seconds on each channel, joined by auto-clamped bezier segments, which never pass their
    /// keys' values, so the offsets stay within the jitter bounds (times `amount`).
    static func handheld(start: CameraPose, end: Double, framesPerSecond: Double, amount: Double, seed: UInt64) -> CameraPath {
        let step = max(1, (framesPerSecond * CameraPreset.handheldKeySpacing).rounded())
        var frames = Array(stride(from: 0, to: end, by: step))
        frames.append(end)
        let root = SeededRandom(seed: seed)
        var path = keyed([(0, start)])
        for (n, channel) in CameraChannel.allCases.enumerated() {
            let bound: Double
            switch channel {
            case .positionX, .positionY, .positionZ: bound = CameraPreset.handheldPositionJitter * amount
            case .targetX, .targetY, .targetZ: bound = CameraPreset.handheldAimJitter * amount
            case .roll: bound = CameraPreset.handheldRollJitter * amount
            case .focalLength: bound = 0
            }
            guard bound > 0 else { continue }
            var random = root.fork(UInt64(n + 1))
            path[channel] = AnimationCurve(keys: frames.map {
                Keyframe(frame: $0, value: start[channel] + random.next(in: -bound...bound))
            })
        }
        return path
    }
}
