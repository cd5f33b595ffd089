import Foundation
import KinoCore

/// The sets that enclose the camera: the three rooms and the studio's round cyclorama. A
/// room is closed (floor, four walls, ceiling) and big enough for a 6-second walk down its
/// middle with a follow camera behind, and the furniture keeps that aisle (x ≈ 0) clear.
struct Interior: Sendable, Hashable {
    enum Shape: Sendable, Hashable {
        /// An axis-aligned room.
        case room(x: ClosedRange<Double>, z: ClosedRange<Double>)
        /// A round cyclorama of this radius about the origin: floor, cove and wall with no edge.
        case cyclorama(radius: Double)
    }
    var shape: Shape
    var height: Double
    /// Where a person who is the subject starts (the x of each person is spread about it).
    var start: Vec3

    /// How close the camera may come to a wall, floor or ceiling.
    static let wallMargin = 0.35

    static func of(_ environment: SceneSpec.Environment) -> Interior? {
        switch environment {
        case .livingRoom: return Interior(shape: .room(x: -4.5...4.5, z: -8...4), height: 2.7, start: Vec3(0, 0, 1))
        case .kitchen: return Interior(shape: .room(x: -4...4, z: -8...4), height: 2.7, start: Vec3(0, 0, 1))
        case .office: return Interior(shape: .room(x: -5...5, z: -8...4), height: 2.9, start: Vec3(0, 0, 1))
        case .studio: return Interior(shape: .cyclorama(radius: 14), height: 16, start: .zero)
        default: return nil
        }
    }

    /// Is `p` inside, at least `margin` from every surface?
    func contains(_ p: Vec3, margin: Double = 0) -> Bool {
        clamp(p, margin: margin) == p
    }

    /// The nearest point to `p` at least `margin` inside.
    func clamp(_ p: Vec3, margin: Double = Interior.wallMargin) -> Vec3 {
        var q = p
        q.y = min(height - margin, max(margin, p.y))
        switch shape {
        case .room(let x, let z):
            q.x = min(x.upperBound - margin, max(x.lowerBound + margin, p.x))
            q.z = min(z.upperBound - margin, max(z.lowerBound + margin, p.z))
        case .cyclorama(let radius):
            let r = (p.x * p.x + p.z * p.z).squareRoot(), limit = radius - 1.5 - margin
            if r > limit { q.x = p.x * limit / r; q.z = p.z * limit / r }
        }
        return q
    }
}

extension WorldSetup {
    /// The camera position moved inside the set (unchanged outdoors).
    func keepInside(_ p: Vec3) -> Vec3 { interior?.clamp(p) ?? p }
}

/// A piece of furniture: boxes drawn together, and left out of a frame when it stands
/// between the camera and the subject (as an operator would move it off the set).
struct FurniturePiece {
    var blocks: [(lo: Vec3, hi: Vec3, color: RGB)]
    var lo: Vec3 { blocks.dropFirst().reduce(blocks[0].lo) { simdMin($0, $1.lo) } }
    var hi: Vec3 { blocks.dropFirst().reduce(blocks[0].hi) { simdMax($0, $1.hi) } }

    /// Does the segment from `a` to `b` pass through the piece's bounding box?
    func blocks(from a: Vec3, to b: Vec3) -> Bool {
        let lo = self.lo, hi = self.hi
        var t0 = 0.0, t1 = 1.0
        let d = b - a
        for k in 0..<3 {
            let (o, v, l, h) = (a[k], d[k], lo[k], hi[k])
            if abs(v) < 1e-12 {
                if o < l || o > h { return false }
                continue
            }
            var ta = (l - o) / v, tb = (h - o) / v
            if ta > tb { swap(&ta, &tb) }
            t0 = max(t0, ta); t1 = min(t1, tb)
            if t0 > t1 { return false }
        }
        return true
    }

    func draw(_ b: inout MeshBuilder) {
        for block in blocks { b.block(block.lo, block.hi, color: block.color) }
    }
}

private func simdMin(_ a: Vec3, _ b: Vec3) -> Vec3 { Vec3(min(a.x, b.x), min(a.y, b.y), min(a.z, b.z)) }
private func simdMax(_ a: Vec3, _ b: Vec3) -> Vec3 { Vec3(max(a.x, b.x), max(a.y, b.y), max(a.z, b.z)) }

extension WorldScenery {
    /// The furniture of a room, in drawing order.
    static func furniture(_ environment: SceneSpec.Environment) -> [FurniturePiece] {
        func piece(_ blocks: (Vec3, Vec3, RGB)...) -> FurniturePiece { FurniturePiece(blocks: blocks.map { ($0.0, $0.1, $0.2) }) }
        switch environment {
        case .livingRoom:
            let sofa = RGB(70, 90, 120), wood = RGB(110, 75, 50), leg = RGB(90, 60, 40)
            return [
                // Sofa against the left wall, facing the aisle.
                piece((Vec3(-4.4, 0, -5.6), Vec3(-3.5, 0.45, -2.4), sofa), (Vec3(-4.45, 0.45, -5.6), Vec3(-4.2, 0.95, -2.4), sofa),
                      (Vec3(-4.45, 0, -5.8), Vec3(-3.5, 0.65, -5.6), sofa), (Vec3(-4.45, 0, -2.4), Vec3(-3.5, 0.65, -2.2), sofa)),
                // Coffee table.
                piece((Vec3(-3.0, 0.38, -4.6), Vec3(-2.0, 0.43, -3.4), wood), (Vec3(-2.97, 0, -4.57), Vec3(-2.91, 0.38, -4.51), leg),
                      (Vec3(-2.09, 0, -4.57), Vec3(-2.03, 0.38, -4.51), leg), (Vec3(-2.97, 0, -3.49), Vec3(-2.91, 0.38, -3.43), leg),
                      (Vec3(-2.09, 0, -3.49), Vec3(-2.03, 0.38, -3.43), leg)),
                // Bookshelf on the right wall.
                piece((Vec3(4.0, 0, -6.2), Vec3(4.45, 2.0, -4.4), RGB(120, 85, 60)),
                      (Vec3(3.98, 0.4, -6.1), Vec3(4.0, 0.42, -4.5), RGB(160, 120, 90)), (Vec3(3.98, 0.82, -6.1), Vec3(4.0, 0.84, -4.5), RGB(160, 120, 90)),
                      (Vec3(3.98, 1.24, -6.1), Vec3(4.0, 1.26, -4.5), RGB(160, 120, 90)), (Vec3(3.98, 1.66, -6.1), Vec3(4.0, 1.68, -4.5), RGB(160, 120, 90))),
                // An armchair beside the aisle.
                piece((Vec3(1.3, 0, -2.2), Vec3(2.2, 0.45, -1.3), RGB(150, 90, 60)), (Vec3(2.0, 0.45, -2.2), Vec3(2.2, 0.95, -1.3), RGB(150, 90, 60))),
                // Sideboard under the window.
                piece((Vec3(1.4, 0, -7.95), Vec3(3.6, 0.8, -7.5), RGB(100, 70, 50))),
            ]
        case .kitchen:
            let unit = RGB(70, 90, 100), top = RGB(210, 205, 195)
            return [
                piece((Vec3(-4, 0, -8), Vec3(4, 0.88, -7.4), unit), (Vec3(-4, 0.88, -8), Vec3(4, 0.92, -7.35), top)),
                piece((Vec3(-4, 1.6, -8), Vec3(-1.3, 2.3, -7.65), unit)),
                piece((Vec3(1.3, 1.6, -8), Vec3(4, 2.3, -7.65), unit)),
                piece((Vec3(3.1, 0, -7.35), Vec3(3.95, 2.0, -6.6), RGB(200, 200, 205))),
                // The island, off the aisle.
                piece((Vec3(-3.2, 0, -4.6), Vec3(-1.7, 0.88, -2.4), unit), (Vec3(-3.25, 0.88, -4.65), Vec3(-1.65, 0.92, -2.35), top)),
                // A tall larder on the right, near the door end.
                piece((Vec3(3.3, 0, -1.6), Vec3(3.98, 2.2, -0.4), unit)),
            ]
        case .office:
            var pieces: [FurniturePiece] = []
            for (dx, dz) in [(-3.0, -5.6), (3.0, -5.6), (-3.0, -1.8), (3.0, -1.8)] {
                var blocks: [(Vec3, Vec3, RGB)] = [(Vec3(dx - 0.8, 0.72, dz - 0.4), Vec3(dx + 0.8, 0.76, dz + 0.4), RGB(200, 190, 170))]
                for (lx, lz) in [(-0.75, -0.35), (0.75, -0.35), (-0.75, 0.35), (0.75, 0.35)] {
                    blocks.append((Vec3(dx + lx - 0.02, 0, dz + lz - 0.02), Vec3(dx + lx + 0.02, 0.72, dz + lz + 0.02), RGB(60, 60, 65)))
                }
                blocks.append((Vec3(dx - 0.3, 0.76, dz - 0.25), Vec3(dx + 0.3, 1.12, dz - 0.22), RGB(25, 25, 28)))
                blocks.append((Vec3(dx - 0.25, 0.42, dz + 0.55), Vec3(dx + 0.25, 0.48, dz + 1.0), RGB(40, 40, 45)))
                blocks.append((Vec3(dx - 0.25, 0.48, dz + 0.95), Vec3(dx + 0.25, 1.0, dz + 1.0), RGB(40, 40, 45)))
                pieces.append(FurniturePiece(blocks: blocks.map { ($0.0, $0.1, $0.2) }))
            }
            // A filing cabinet by the aisle.
            pieces.append(piece((Vec3(1.0, 0, -3.9), Vec3(1.5, 1.3, -3.3), RGB(150, 152, 158))))
            return pieces
        default:
            return []
        }
    }

    /// Draws a room's furniture, leaving out any piece that a line of sight passes through.
    static func drawFurniture(_ b: inout MeshBuilder, _ environment: SceneSpec.Environment, sightLines: [(Vec3, Vec3)]) {
        b.castsShadow = true
        for piece in furniture(environment) where !sightLines.contains(where: { piece.blocks(from: $0.0, to: $0.1) }) {
            piece.draw(&b)
        }
        b.castsShadow = false
    }
}
