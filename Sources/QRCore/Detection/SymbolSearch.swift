/// One search for symbols in one image at one scale and polarity: binarise,
/// find finder patterns, group them in threes, and for each plausible triple
/// sample and decode the grid.
struct SymbolSearch {
    let image: GrayImage
    /// Factor by which `image` was reduced from the caller's image; corners are scaled back.
    let scale: Int
    let options: DecodeOptions
    /// The image binarised once, for both polarities: a light-on-dark
    /// search only inverts it, in place (``binaryIsInverted``).
    private let thresholds: ThresholdMap
    private var binary: BitMatrix
    /// `binary` transposed, for the finder search's vertical cross-checks,
    /// inverted with it.
    private var transposed: BitMatrix
    /// Whether `binary` and `transposed` are inverted, dark meaning light.
    /// Each search keeps no reference to them, so inverting them for the
    /// light-on-dark search, which comes last, copies nothing.
    private var binaryIsInverted = false
    /// What the dark-on-light search's row walk noted for the light-on-dark
    /// one (``FinderPatternFinder/OppositeWindows``).
    private var lightOnDarkWindows: FinderPatternFinder.OppositeWindows?

    init(image: GrayImage, scale: Int, options: DecodeOptions) {
        self.image = image
        self.scale = scale
        self.options = options
        (thresholds, binary) = Binarizer().binarize(image)
        transposed = binary.transposed()
    }

    /// Decoded symbols, with corners in the caller's image pixels. A
    /// dark-on-light search prepares the light-on-dark one, if the options
    /// try it.
    mutating func run(inverted: Bool) -> [DecodedSymbol] {
        if inverted != binaryIsInverted {
            binary.invert()
            transposed.invert()
            binaryIsInverted = inverted
        }
        let binary = self.binary
        let refiner = FinderPatternRefiner(image: image, thresholds: thresholds, inverted: inverted)
        // The denoising layer's symbols are small (1.5–2 pixels a module)
        // and blurred by the averaging; it has a ninth of the pixels, so
        // every row is scanned there.
        let everyRow = scale == QRReader.denoisingFactor
        let fullRows: FinderPatternFinder.FullRows =
            if inverted {
                lightOnDarkWindows.map { .replay($0) } ?? .walk
            } else {
                options.triesInverted ? .walkNotingOpposite : .walk
            }
        let (found, opposite) = FinderPatternFinder(binary: binary, transposed: transposed).find(
            everyRow: everyRow, fullRows: fullRows)
        if !inverted && options.triesInverted { lightOnDarkWindows = opposite }
        let candidates = found.map(refiner.refine)
        let context = Context(
            locator: SymbolLocator(binary: binary),
            sampler: GridSampler(image: image, thresholds: thresholds, inverted: inverted),
            timing: TimingPatternReader(binary: binary))
        let budget = inverted || scale > 1 ? TripleBudget.fallback : TripleBudget.full
        var timedFinders: [ImagePoint] = []
        var results = decode(
            FinderPatternGrouper.triples(from: candidates), context: context, inverted: inverted, budget: budget,
            timedFinders: &timedFinders)
        // Guessing a missing finder multiplies the triples; light-on-dark
        // symbols with a damaged finder are rare enough to go without. The
        // guess makes a completed triple's timing no proof that its two
        // patterns belong to a QR Code symbol: they stay Micro QR and rMQR
        // candidates.
        if results.isEmpty && !inverted {
            let completed = FinderPatternGrouper.completedTriples(from: candidates, refine: refiner.refine)
            var timedWithAGuess: [ImagePoint] = []
            results = decode(
                completed, context: context, inverted: inverted, budget: scale > 1 ? budget : .completed,
                timedFinders: &timedWithAGuess)
        }
        results += decodeLoneFinders(
            candidates.filter { !timedFinders.contains($0.centre) }, besides: results, binary: binary,
            context: context, inverted: inverted)
        if results.isEmpty { results = decodePure(binary: binary, sampler: context.sampler, inverted: inverted) }
        return results
    }

    /// The most finder patterns tried as Micro QR and rMQR finders in one
    /// search; the best-confirmed go first. Bounds the time an image of
    /// clutter costs.
    static let maxMicroCandidates = 8

    /// Micro QR and rMQR symbols around finder patterns that no decoded
    /// symbol contains (``MicroSymbolLocator``, ``RMQRSymbolLocator``).
    private func decodeLoneFinders(
        _ candidates: [FinderCandidate], besides found: [DecodedSymbol], binary: BitMatrix, context: Context,
        inverted: Bool
    ) -> [DecodedSymbol] {
        let sampler = context.sampler
        let unused = candidates.filter { candidate in
            FinderPatternGrouper.isPlausible(candidate)
                && !found.contains { $0.corners.scaled(by: 1 / Double(scale)).contains(candidate.centre) }
        }
        let micro = MicroSymbolLocator(binary: binary, rays: context.locator.rays)
        let rmqr = RMQRSymbolLocator(binary: binary, rays: context.locator.rays)
        var results: [DecodedSymbol] = []
        for candidate in unused.sorted(by: { $0.count > $1.count }).prefix(Self.maxMicroCandidates) {
            if let limit = options.maxSymbols, found.count + results.count >= limit { break }
            if let symbol = firstDecoded(micro.mappings(for: candidate).map { ($0, false) }, sampler, inverted)
                ?? firstDecoded(rmqr.mappings(for: candidate), sampler, inverted)
            {
                results.append(symbol)
            }
        }
        return results
    }

    /// The symbol of the first mapping that decodes, located in the caller's
    /// image; `mirrored` marks mappings that already undo a mirror image.
    private func firstDecoded(
        _ mappings: [(mapping: GridMapping, mirrored: Bool)], _ sampler: GridSampler, _ inverted: Bool
    ) -> DecodedSymbol? {
        for (mapping, mirrored) in mappings {
            guard case .success(let symbol) = attempt(mapping, sampler: sampler).result else { continue }
            return symbol.located(
                at: mapping.corners.scaled(by: Double(scale)), inverted: inverted, mirrored: mirrored)
        }
        return nil
    }

    /// The symbol filling the image, for a bare crop whose finder patterns
    /// the scan-line search could not see (``PureSymbolLocator``).
    private func decodePure(binary: BitMatrix, sampler: GridSampler, inverted: Bool) -> [DecodedSymbol] {
        let locator = PureSymbolLocator(binary: binary, image: image, inverted: inverted)
        let mappings = locator.mappings(floor: PureSymbolLocator.minimumAgreement, limit: 6) { mapping, floor in
            sampler.timingAgreement(dimension: mapping.dimension, floor: floor, map: mapping.map)
        }
        for mapping in mappings {
            if case .success(let symbol) = attempt(mapping, sampler: sampler).result {
                return [symbol.located(at: mapping.corners.scaled(by: Double(scale)), inverted: inverted)]
            }
        }
        return []
    }

    /// How many triples one search tries, and with how much effort.
    struct TripleBudget {
        /// The most failed triples, beyond ``failedTriplesPerSymbol`` for
        /// every symbol found. Clutter can group its lookalike finders into
        /// hundreds of triples; real symbols rank among the most regular,
        /// and this bounds the time spent on an image without one.
        let failed: Int
        /// Failed triples after which the rest are screened
        /// (``plausibleMappings(_:context:screened:)``). The first, the most
        /// regular, are worth full effort; beyond them most are clutter.
        let unscreened: Int

        /// For the dark-on-light search at full resolution.
        static let full = TripleBudget(failed: 40, unscreened: 10)

        /// For the light-on-dark search and the reduced layers of
        /// ``QRReader``, which back up the dark-on-light search at full
        /// resolution. The symbols they find rank among the first triples:
        /// over the hard corpora, the photo families and zxing-cpp's
        /// samples, 151 symbols were found this way after at most 2 failed
        /// triples (5 more from completed triples on the third-resolution
        /// layer, after at most 11). On an image without a symbol every
        /// search runs to its budget, and light-on-dark text groups three
        /// times the triples that dark-on-light clutter does.
        static let fallback = TripleBudget(failed: 12, unscreened: 3)

        /// For triples completed from two patterns at full resolution
        /// (``FinderPatternGrouper/completedTriples(from:refine:)``): each
        /// pair offers six guesses, so they are many and mostly wrong. The
        /// 54 symbols found this way in the corpora came after at most 20
        /// failed ones.
        static let completed = TripleBudget(failed: 24, unscreened: 10)
    }

    /// More failed triples allowed for each symbol found: an image of
    /// several symbols side by side (a structured-append sequence) groups
    /// their finders into many cross-symbol triples that fail.
    static let failedTriplesPerSymbol = 20

    /// The most irregular triple tried once a symbol is found. Symbols
    /// found beside another measured at most 0.86 on the hard corpora and
    /// the photo sets (first symbols up to 1.8, under strong perspective);
    /// more than half the triples tried after a first symbol, nearly all
    /// failing, were above 1.
    static let maxIrregularityBesideFound = 1.0

    /// Decodes the triples in order, each finder pattern used by one symbol at most.
    ///
    /// The finders of failed triples whose timing patterns read
    /// (``SymbolLocator/timingFit(_:outlines:reader:)``) are added to
    /// `timedFinders`: they belong to a QR Code symbol, readable or not.
    private func decode(
        _ triples: [FinderTriple], context: Context, inverted: Bool, budget: TripleBudget,
        timedFinders: inout [ImagePoint]
    ) -> [DecodedSymbol] {
        var results: [DecodedSymbol] = []
        var used: [ImagePoint] = []
        var failed = 0
        for triple in triples where failed < budget.failed + results.count * Self.failedTriplesPerSymbol {
            if let limit = options.maxSymbols, results.count >= limit { break }
            let centres = [triple.topLeft.centre, triple.topRight.centre, triple.bottomLeft.centre]
            if centres.contains(where: { used.contains($0) }) { continue }
            // Once a symbol is found, a finder seen on a single scan line is
            // most likely texture; only well-confirmed triples can be another
            // symbol, and only regular ones (``maxIrregularityBesideFound``).
            if !results.isEmpty
                && (triple.weakestConfirmation < 2 || triple.irregularity > Self.maxIrregularityBesideFound)
            {
                continue
            }
            let (decoded, timed) = decode(
                triple, context: context, inverted: inverted, screened: failed >= budget.unscreened)
            guard let result = decoded else {
                if timed { timedFinders += centres }
                failed += 1
                continue
            }
            results.append(result)
            used += centres
        }
        return results
    }

    private struct Context {
        let locator: SymbolLocator
        let sampler: GridSampler
        let timing: TimingPatternReader
    }

    /// Samples and decodes the triple at the plausible dimensions, best
    /// timing-pattern agreement first; a confident version information block
    /// that disagrees with the size adds its own dimension. Model 1
    /// fallbacks (``GridMapping/isModel1Fallback``) are sampled only after
    /// a grid has read as Model 1.
    /// `timed`: whether the triple's timing patterns could be read.
    private func decode(
        _ triple: FinderTriple, context: Context, inverted: Bool, screened: Bool
    ) -> (symbol: DecodedSymbol?, timed: Bool) {
        var (queue, timed) = plausibleMappings(triple, context: context, screened: screened)
        var tried = Set(queue.map(\.dimension))
        var sawModel1 = false
        while !queue.isEmpty {
            let mapping = queue.removeFirst()
            if mapping.isModel1Fallback && !sawModel1 { continue }
            let (result, readsAsModel1) = attempt(mapping, sampler: context.sampler)
            sawModel1 = sawModel1 || readsAsModel1
            switch result {
            case .success(let symbol):
                return (symbol.located(at: mapping.corners.scaled(by: Double(scale)), inverted: inverted), timed)
            case .failure(.versionMismatch(_, let version)) where !tried.contains(version.size):
                tried.insert(version.size)
                queue += context.locator.locate(triple, dimension: version.size)
            case .failure:
                continue
            }
        }
        return (nil, timed)
    }

    /// Mappings for the estimated dimension and its neighbours (two versions
    /// either way: blur and perspective distort module sizes) whose timing
    /// patterns mostly alternate as they should, the four most convincing
    /// first. Checking a timing pattern costs a few dozen samples, a decode
    /// attempt the whole symbol.
    ///
    /// When the timing patterns can be read, they give the dimension and a
    /// perspective directly (``SymbolLocator/timingFit(_:outlines:reader:)``),
    /// tried before the estimates.
    ///
    /// A `screened` triple whose timing patterns cannot be read gets no
    /// mappings unless, at some dimension, the finders' own perspective
    /// already reads ``screeningAgreement`` of the timing modules right; the
    /// alignment searches and refits that follow cost many times more.
    private func plausibleMappings(
        _ triple: FinderTriple, context: Context, screened: Bool
    ) -> (mappings: [GridMapping], timed: Bool) {
        let outlines = context.locator.outlines(of: triple)
        let timed = context.locator.timingFit(triple, outlines: outlines, reader: context.timing)
        // Finders turned against the triple's sides are not one symbol's;
        // a triple whose timing patterns read is tried all the same.
        if timed == nil && !SymbolLocator.outlinesAlign(triple, outlines) { return ([], false) }
        let estimate = context.locator.measuredDimension(triple) ?? triple.estimatedDimension
        var scored: [(mapping: GridMapping, agreement: Double)] = []
        var alignments: [AlignmentPatternFinder.Candidate]?
        var dimensions = [0, 4, -4, 8, -8].map { estimate + $0 }.filter { $0 != timed?.dimension }
        if let timed { dimensions.insert(timed.dimension, at: 0) }
        dimensions = dimensions.filter { (21...177).contains($0) }
        let firstGuesses = dimensions.map {
            context.locator.initialTransform(triple, dimension: $0, outlines: outlines)
        }
        if screened && timed == nil {
            let promising = zip(dimensions, firstGuesses).contains { dimension, initial in
                context.sampler.timingAgreement(
                    dimension: dimension, floor: Self.screeningAgreement, map: initial.transform.apply)
                    >= Self.screeningAgreement
            }
            guard promising else { return ([], false) }
        }
        for (dimension, firstGuess) in zip(dimensions, firstGuesses) {
            if (25...41).contains(dimension) && alignments == nil {
                alignments = context.locator.bottomRightCandidates(triple)
            }
            // The finder outlines alone may place the grid better than the
            // fit to the timing patterns: one timing pattern leaves the far
            // side extrapolated (shear-012 of the seed-1 hard corpus), and on
            // a curved page both are bent (curved dense distortion family).
            var initials = [firstGuess]
            if dimension == timed?.dimension, let fit = timed?.transform { initials.insert((fit, true), at: 0) }
            for initial in initials {
                for mapping in context.locator.locate(
                    triple, dimension: dimension, initial: initial,
                    alignments: alignments ?? [])
                {
                    let agreement = context.sampler.timingAgreement(
                        dimension: dimension, floor: Self.minimumAgreement,
                        map: mapping.map)
                    if agreement >= Self.minimumAgreement { scored.append((mapping, agreement)) }
                }
            }
        }
        let best = scored.sorted { $0.agreement > $1.agreement }.prefix(Self.maximumMappings).map(\.mapping)
        return (best, timed != nil)
    }

    /// The most mappings of one triple sampled and decoded, the best timing
    /// agreement first.
    static let maximumMappings = 4

    /// The least share of timing modules a mapping must read right to be
    /// worth sampling and decoding.
    static let minimumAgreement = 0.7

    /// The least share a screened triple's first guess must read right.
    /// Texture reads about half; at 0.6 from the first triple, 5 of 1,325
    /// codes in the corpora were lost (heavy noise, a high version, a curved
    /// page, a damaged finder), none with ``TripleBudget/unscreened`` spared.
    static let screeningAgreement = 0.6

    /// Decodes the grid read with local thresholds, then with one threshold
    /// for the whole symbol, then from levels sharpened against their
    /// neighbours (``GridSampler/sharpened(_:)``) with that threshold; and, on
    /// failure, whether the grid's format information read as QR Code Model 1.
    private func attempt(
        _ mapping: GridMapping, sampler: GridSampler
    )
        -> (result: Result<DecodedSymbol, QRDecodingError>, readsAsModel1: Bool)
    {
        let levels = sampler.levels(of: mapping)
        let local = sampler.grid(from: levels, global: false)
        let first = Result { () throws(QRDecodingError) in
            try QRDecoder.decode(
                local.grid, uncertain: local.uncertain,
                characterSet: options.characterSet)
        }
        guard case .failure(let error) = first else { return (first, false) }
        let readsAsModel1 = SymbolInformation.readsAsModel1(local.grid)
        if case .versionMismatch = error { return (first, readsAsModel1) }
        let global = sampler.grid(from: levels, global: true)
        let second = Result { () throws(QRDecodingError) in
            try QRDecoder.decode(global.grid, uncertain: global.uncertain, characterSet: options.characterSet)
        }
        guard case .failure = second else { return (second, readsAsModel1) }
        let sharp = sampler.grid(from: sampler.sharpened(levels), global: true)
        let third = Result { () throws(QRDecodingError) in
            try QRDecoder.decode(sharp.grid, uncertain: sharp.uncertain, characterSet: options.characterSet)
        }
        guard case .failure = third else { return (third, readsAsModel1) }
        return (second, readsAsModel1)
    }
}
