import Foundation
import KinoCore

/// A pinhole camera for a frame size. Focal length is in 35 mm-equivalent millimetres: the
/// 36 mm side of the full-frame sensor spans the frame's longer side (Blender's "auto"
/// sensor fit), so a landscape frame's vertical field of view is 2·atan(18 / (f · aspect)).
/// Positive roll (degrees) turns the camera counter-clockwise as seen from behind it.
public struct PinholeCamera: Sendable, Hashable {
    public let position: Vec3
    public let forward: Vec3
    public let right: Vec3
    public let up: Vec3
    /// Focal length in pixels.
    public let focalPixels: Double
    public let width: Int
    public let height: Int

    public init(pose: CameraPose, width: Int, height: Int) {
        position = pose.position
        var f = pose.target - pose.position
        if f.length < 1e-9 { f = Vec3(0, 0, -1) }
        f = f.normalized
        var r = f.cross(Vec3(0, 1, 0))
        if r.length < 1e-6 { r = Vec3(1, 0, 0) }
        r = r.normalized
        var u = r.cross(f)
        let roll = pose.roll * Double.pi / 180
        if roll != 0 {
            let r2 = r * cos(roll) + u * sin(roll)
            u = u * cos(roll) - r * sin(roll)
            r = r2
        }
        forward = f; right = r; up = u
        self.width = width; self.height = height
        let focal = max(1, pose.focalLength)
        focalPixels = focal * Double(max(width, height)) / 36
    }

    /// Vertical field of view in radians for a 35 mm-equivalent focal length and frame size.
    public static func verticalFieldOfView(focalLength: Double, width: Int, height: Int) -> Double {
        let halfHeightMM = 18 * Double(height) / Double(max(width, height))
        return 2 * atan(halfHeightMM / focalLength)
    }

    /// Camera-space coordinates: x right, y up, z distance in front of the camera.
    public func toCamera(_ p: Vec3) -> Vec3 {
        let d = p - position
        return Vec3(d.dot(right), d.dot(up), d.dot(forward))
    }

    /// Where a world point lands in the frame, in pixels (x right, y down; the centre of the
    /// top-left pixel is (0.5, 0.5)), or nil when it is not in front of the camera.
    public func project(_ p: Vec3) -> SIMD2<Double>? {
        let c = toCamera(p)
        guard c.z > 1e-6 else { return nil }
        return SIMD2(Double(width) / 2 + focalPixels * c.x / c.z, Double(height) / 2 - focalPixels * c.y / c.z)
    }
}
