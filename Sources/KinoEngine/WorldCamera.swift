import Foundation
import KinoCore

/// The camera of a shot: the user's CameraPath when they set one, otherwise a rig derived
/// from the prompt's camera phrases that frames the first subject.
extension World {
    /// What the camera frames: its look-at point, the direction its front faces, its size.
    struct Focus {
        enum Kind { case person, prop, car, none }
        var kind: Kind
        var target: Vec3
        var ground: Vec3
        var front: Vec3
        var right: Vec3
        var height: Double
        var moving: Bool
    }

    func focusPoint() -> Focus {
        let scene = setup.scene
        guard let first = scene.subjects.indices.first else {
            return Focus(kind: .none, target: Vec3(0, 1.2, 0), ground: .zero, front: Vec3(0, 0, 1),
                         right: Vec3(1, 0, 0), height: 1.7, moving: false)
        }
        if let p = state.people.first(where: { $0.subjectIndex == first }) {
            let h = p.look.height
            return Focus(kind: .person, target: p.position + Vec3(0, 0.56 * h, 0), ground: p.position, front: p.forward,
                         right: p.right, height: h, moving: p.speed > 0)
        }
        if let o = state.objects.first(where: { $0.subjectIndex == first }) {
            let size = PropShape.size(of: SceneSpec.SubjectKind(rawValue: o.kind) ?? .productBox)
            return Focus(kind: .prop, target: o.position + Vec3(0, size.y * 0.5, 0), ground: o.position,
                         front: Vec3(0, 0, 1), right: Vec3(1, 0, 0), height: size.y, moving: false)
        }
        if let c = state.cars.first(where: { $0.subjectIndex == first }) {
            let fwd = Vec3(sin(c.heading), 0, -cos(c.heading))
            return Focus(kind: .car, target: c.position + Vec3(0, 0.7, 0), ground: c.position, front: fwd,
                         right: Vec3(cos(c.heading), 0, sin(c.heading)), height: 1.4, moving: c.speed > 0)
        }
        return Focus(kind: .none, target: Vec3(0, 1.2, 0), ground: .zero, front: Vec3(0, 0, 1),
                     right: Vec3(1, 0, 0), height: 1.7, moving: false)
    }

    /// The camera at the current frame.
    func cameraPose() -> CameraPose {
        if let path = setup.explicitCamera { return path.pose(at: Double(state.frame)) }
        let moves = setup.scene.cameraMoves
        let focus = focusPoint()
        let close = moves.contains(.closeUp), wide = moves.contains(.wide)
        var distance: Double, focal: Double, elevation: Double
        var target = focus.target
        switch focus.kind {
        case .person:
            distance = close ? 1.35 : (wide ? 9 : 4.6)
            focal = close ? 70 : (wide ? 24 : 35)
            elevation = wide ? 0.2 : 0.05
            if close { target = focus.ground + Vec3(0, 0.9 * focus.height, 0) }
        case .prop:
            distance = focus.height * (close ? 4.2 : (wide ? 15 : 6))
            focal = close ? 60 : (wide ? 35 : 50)
            elevation = 0.3
        case .car:
            distance = close ? 3.6 : (wide ? 15 : 8)
            focal = close ? 50 : (wide ? 24 : 35)
            elevation = wide ? 0.3 : 0.14
        case .none:
            distance = wide ? 10 : 6
            focal = wide ? 24 : 35
            elevation = 0.07
        }
        let u = Double(state.frame) / Double(setup.duration)
        let eased = { (x: Double) -> Double in let t = min(1, max(0, x)); return t * t * (3 - 2 * t) }
        let threeQuarter = (focus.front * cos(0.35) + focus.right * sin(0.35)).normalized
        let base = moves.first { [.followBehind, .orbit, .pushIn, .pullOut, .panLeft, .panRight, .still].contains($0) }
        var position: Vec3
        func place(around t: Vec3, direction: Vec3, distance d: Double) -> Vec3 {
            t + direction * (d * cos(elevation)) + Vec3(0, d * sin(elevation), 0)
        }
        switch base {
        case .followBehind:
            let back = focus.kind == .car ? 7.0 : 3.6
            let up = focus.kind == .car ? 2.2 : 1.75 * focus.height / 1.72
            position = focus.ground - focus.front * back + Vec3(0, up, 0)
            target = focus.ground + focus.front * 4 + Vec3(0, 0.62 * focus.height, 0)
        case .orbit:
            // Against the turn of a spinning subject, so the two do not cancel out.
            let a = -2 * Double.pi * u
            let dir = threeQuarter * cos(a) + Vec3(0, 1, 0).cross(threeQuarter) * sin(a)
            position = place(around: target, direction: dir, distance: distance)
        case .pushIn, .pullOut:
            let k = base == .pushIn ? 1.7 + (0.85 - 1.7) * eased(u) : 0.85 + (1.9 - 0.85) * eased(u)
            let anchor = focus.moving ? target : state.camera.origin
            target = anchor
            position = place(around: anchor, direction: focus.moving ? threeQuarter : originThreeQuarter(), distance: distance * k)
        case .panLeft, .panRight:
            let anchor = state.camera.origin
            position = place(around: anchor, direction: originThreeQuarter(), distance: distance)
            let yaw = (base == .panLeft ? 1.0 : -1.0) * 0.6 * eased(u)
            let v = anchor - position
            target = position + Vec3(v.x * cos(yaw) + v.z * sin(yaw), v.y, -v.x * sin(yaw) + v.z * cos(yaw))
        case .still:
            target = state.camera.origin
            position = place(around: target, direction: originThreeQuarter(), distance: distance)
        default:
            if focus.moving {
                let dir = (focus.front * 0.8 + focus.right * 0.6).normalized
                position = place(around: target, direction: dir, distance: distance)
            } else if setup.startFrame != nil {
                target = state.camera.origin
                position = place(around: target, direction: originThreeQuarter(), distance: distance * (1 - 0.15 * eased(u)))
            } else {
                position = place(around: target, direction: threeQuarter, distance: distance)
            }
        }
        if setup.startFrame != nil && focus.kind == .none && base == nil {
            // The standard framing, so frame 0 shows the picture as given.
            target = Vec3(0, 1.2, 0)
            position = Vec3(0, 1.6, 6 * (1 - 0.15 * eased(u)))
        }
        if moves.contains(.handheld) {
            let s = state.camera.shake
            let fwd = (target - position).normalized
            let right = fwd.cross(Vec3(0, 1, 0)).normalized
            let d = (target - position).length
            position += Vec3(s[0], s[1], s[2])
            target += Vec3(s[0], s[1], s[2]) + right * (s[3] * d) + Vec3(0, s[4] * d, 0)
        }
        return CameraPose(position: position, target: target, roll: 0, focalLength: focal)
    }

    private func originThreeQuarter() -> Vec3 {
        let f = state.camera.originForward
        let r = Vec3(-f.z, 0, f.x)
        return (f * cos(0.35) + r * sin(0.35)).normalized
    }
}
