import Foundation

/// A simple camera move from a start pose, as amounts reached at the end of the move: the
/// building block of the presets and of Kling-style camera control. Amounts combine: the
/// camera is translated (truck, pedestal, dolly, crane), then its view is turned (yaw, pitch)
/// about its own position; roll and zoom are applied on top.
struct CameraMove: Hashable, Sendable {
    /// Sideways along the camera's right vector, metres (positive: right).
    var truck = 0.0
    /// Straight up, metres, camera and aim point together (positive: up).
    var pedestal = 0.0
    /// Toward the aim point along the view, metres (positive: closer).
    var dolly = 0.0
    /// Straight up, metres, camera only: the aim point stays, so the camera tilts down.
    var crane = 0.0
    /// Turn of the view about the vertical, degrees (positive: to the right).
    var yaw = 0.0
    /// Turn of the view up or down, degrees (positive: up).
    var pitch = 0.0
    /// Roll added, degrees.
    var roll = 0.0
    /// Focal length multiplied by 2^zoomStops (positive: longer lens, narrower view).
    var zoomStops = 0.0

    /// The pose after `u` (0…1) of the move from `start`.
    func pose(from start: CameraPose, progress u: Double) -> CameraPose {
        let direction = start.viewDirection
        let yaw0 = atan2(direction.x, -direction.z)
        let right = Vec3(cos(yaw0), 0, sin(yaw0))
        let up = Vec3(0, 1, 0)
        let forward = direction / max(CameraMove.length(direction), 1e-12)

        let shift = right * (truck * u) + up * (pedestal * u)
        let position = start.position + shift + forward * (dolly * u) + up * (crane * u)
        let aim = start.target + shift
        let turned = CameraMove.turn(aim - position, yaw: yaw * u, pitch: pitch * u)
        let focal = min(800, max(4, start.focalLength * pow(2, zoomStops * u)))
        return CameraPose(position: position, target: position + turned,
                          roll: start.roll + roll * u, focalLength: focal)
    }

    /// The biggest angle the view turns through, degrees: decides how many keys the move needs
    /// so the aim point follows the arc rather than its chord.
    var largestTurn: Double { max(abs(yaw), abs(pitch)) }

    /// `d` turned by `yaw` degrees about the vertical and `pitch` degrees up, keeping its length.
    /// The pitch stays within ±89° so the view never flips over the top.
    static func turn(_ d: Vec3, yaw: Double, pitch: Double) -> Vec3 {
        let l = CameraMove.length(d)
        guard l > 0, yaw != 0 || pitch != 0 else { return d }
        let yaw0 = atan2(d.x, -d.z)
        let pitch0 = asin(max(-1, min(1, d.y / l)))
        let psi = yaw0 + yaw * .pi / 180
        let beta = max(-89 * .pi / 180, min(89 * .pi / 180, pitch0 + pitch * .pi / 180))
        return Vec3(cos(beta) * sin(psi), sin(beta), -cos(beta) * cos(psi)) * l
    }

    static func length(_ v: Vec3) -> Double { (v * v).sum().squareRoot() }
}
