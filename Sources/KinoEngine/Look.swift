import Foundation
import KinoCore

/// The finish of a frame: which of the engine's look features are on. Exports use `full`;
/// the editor's preview may turn them down for speed. Every setting is deterministic, so
/// frames stay bit-identical across processes and band splits at any look.
public struct Look: Hashable, Sendable, Codable {
    /// Shadow samples across the area key light: 1 is a hard shadow, more give a penumbra
    /// that widens with the caster's height (at most 6).
    public var shadowSamples: Int
    /// Specular highlights by material gloss.
    public var specular: Bool
    /// Ambient occlusion: surfaces darken where they meet the ground.
    public var ambientOcclusion: Bool
    /// The colour grade of the lighting setup.
    public var grade: Bool

    public init(shadowSamples: Int = 4, specular: Bool = true, ambientOcclusion: Bool = true, grade: Bool = true) {
        self.shadowSamples = min(6, max(1, shadowSamples)); self.specular = specular
        self.ambientOcclusion = ambientOcclusion; self.grade = grade
    }

    /// Everything on: what exports and full-resolution renders use.
    public static let full = Look()
    /// The cheapest finish, for previews: hard shadows, no highlights, no occlusion, no grade.
    public static let flat = Look(shadowSamples: 1, specular: false, ambientOcclusion: false, grade: false)
}
