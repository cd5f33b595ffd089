import KinoCore

/// The whole simulation state of a shot at one frame. Everything that evolves lives here;
/// everything else is recomputed from the ShotSpec, so a checkpoint is exactly this value.
struct WorldState: Hashable, Sendable, Codable {
    /// The frame this state draws.
    var frame: Int
    var people: [PersonState]
    var objects: [ObjectState]
    var cars: [CarState]
    /// Rain drop positions, x y z per drop (world metres).
    var rain: [Float]
    var camera: CameraRigState
    /// The camera pose at frame 0, to which an image-to-video backdrop is pinned.
    var backdropAnchor: CameraPose?
}

/// One foot of a walking person: where it is, and whether it bears weight on the ground.
struct FootState: Hashable, Sendable, Codable {
    var position: Vec3
    /// In contact with the ground: the foot does not move while this holds.
    var planted: Bool
    /// Where the foot left the ground, for the swing arc.
    var liftOff: Vec3
}

/// The look of a person as drawn; subjects take theirs from the spec, pedestrians from the seed.
struct PersonLook: Hashable, Sendable, Codable {
    var skin: RGB
    var hair: RGB
    var top: RGB
    var bottom: RGB
    var height: Double
    var build: Build
    var hairStyle: HairStyle
    var faceSeed: UInt64
}

/// A person in the world: a prompt subject (subjectIndex >= 0) or a pedestrian (-1).
struct PersonState: Hashable, Sendable, Codable {
    var subjectIndex: Int
    var look: PersonLook
    /// Ground point under the pelvis.
    var position: Vec3
    /// Facing, radians about +y; 0 faces -z (away from the default camera).
    var heading: Double
    var speed: Double
    /// Gait cycle position 0..<1 (foot 0 lands at 0, foot 1 at 0.5).
    var phase: Double
    var feet: [FootState]
    var action: String
    /// Seconds since the current action began (drives waving, breathing, idle sway).
    var actionTime: Double

    var forward: Vec3 { Vec3(sin(heading), 0, -cos(heading)) }
    /// Points to the person's right.
    var right: Vec3 { Vec3(cos(heading), 0, sin(heading)) }
    var sceneAction: SceneSpec.Action { SceneSpec.Action(rawValue: action) ?? .standing }
}

/// A prop: phone, product box or bottle.
struct ObjectState: Hashable, Sendable, Codable {
    var subjectIndex: Int
    var kind: String
    /// Centre of the object's base.
    var position: Vec3
    var yaw: Double
    /// Radians per second.
    var spinRate: Double
    var color: RGB
    /// The product's action (SceneSpec.Action raw value) and seconds since it began.
    var action: String
    var actionTime: Double
}

/// A car driving along the street (or parked when speed is 0).
struct CarState: Hashable, Sendable, Codable {
    var subjectIndex: Int
    var position: Vec3
    /// Heading as for people: 0 drives towards -z.
    var heading: Double
    var speed: Double
    var color: RGB
}

/// The evolving part of a camera derived from the prompt: where the subject was at frame 0
/// (static, pan and push moves stay pinned there) and the handheld wobble.
struct CameraRigState: Hashable, Sendable, Codable {
    var origin: Vec3
    var originForward: Vec3
    var shake: [Double]
    var shakeVelocity: [Double]
    static let still = CameraRigState(origin: Vec3(0, 1.2, 0), originForward: Vec3(0, 0, 1),
                                      shake: [0, 0, 0, 0, 0], shakeVelocity: [0, 0, 0, 0, 0])
}

import Foundation
