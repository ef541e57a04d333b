// Package address formats, validates and normalizes postal addresses of
// every country, and describes the address form a checkout shows for it.
//
// # Data
//
// The per-country metadata (layouts, required and upper-cased fields, label
// kinds, postal code patterns and examples, subdivisions with local, Latin
// and translated names and ISO 3166-2 codes, nested levels for CN and KR) is
// generated from Google's address metadata, the data behind libaddressinput,
// as shipped by the npm packages named in [MetadataVersion]. The generator
// (internal/gen/address) compares both copies and takes the newer one per
// country; data.go lists which. It also corrects ISO codes both copies get
// wrong: China's are today's letter codes ("CN-GD", not the numeric
// "CN-44" withdrawn in 2017), Spain's provinces have their ISO 3166-2:ES
// codes ("ES-TF", which neither copy gives), and the US territories have
// their ISO 3166-2:US codes ("US-PR").
//
// Where the national postal operator's published rule is stricter or
// newer than Google's metadata, the operator's rule wins; the generator
// keeps these overrides in one reviewed table, and data.go names each with
// its reason:
//
//   - France and the territories of La Poste's standard (BL, GF, GP, MC,
//     MF, MQ, NC, PM, RE, WF, YT): the layout's last line ends with the
//     sorting code, "CEDEX" or "CEDEX" and a one- or two-digit office
//     number ("75008 PARIS CEDEX 08"); other sorting codes are
//     [ErrInvalidSortingCode]. The sorting codes of BF, CI, JM and MW,
//     for which no rule is published, stay free text.
//   - Ireland: Eircodes use only the letters A C D E F H K N P R T V W X Y,
//     with a routing key of a letter and two digits or D6W ("A65 F4EO" is
//     no Eircode).
//   - Malta: postcodes are three letters and four digits since 2007;
//     Israel's have seven digits since 2013, Viet Nam's five since 2018
//     (the metadata still allows the older forms).
//   - First digits no postal code has: DE (00), AT, BE, CH, HU, LU, SE, SI
//     (0), CZ (8, 9, 0), IN (0).
//
// Other countries follow Google's metadata. Countries without metadata ([HasMetadata]
// reports false) get a generic layout (name, organization, address lines,
// city). To refresh:
//
//	cd address && go generate
//
// Field labels are translated by a table kept in this package for en, fr,
// de, es, it, pt, nl, ja and zh (the metadata has label kinds only); other
// languages get English labels.
//
// # Formatting
//
// [Format] renders an [Address] in its country's order, in local or Latin
// script ([FormatOptions].Latin), in one of four [Style] values: several
// lines ([MultiLine]), one line ([SingleLine]), [HTML] (every value
// escaped) or a postal label ([PostalLabel]: capitals where the post wants
// them, destination country on the last line in the sender's language
// through a [CountryNamer] such as [*locale.Formatter]). [AppendFormat]
// appends to a buffer.
//
// # Validation
//
// [Validate] returns every problem at once as a [*ValidationError] of
// [*FieldError] values (operation, field, value, sentinel, reason,
// expected pattern and example; messages read
// `address: Validate: postal-code "123": invalid postal code (example "EC1Y 8SY")`);
// use errors.As to inspect them and errors.Is with the sentinels
// ([ErrRequired], [ErrInvalidPostalCode], [ErrUnknownSubdivision], …, and
// [locale.ErrUnknownCountry], the library's one sentinel for country
// codes). Postal codes are matched against the whole value, per
// country and, where the data has them, per subdivision. Values longer
// than [MaxFieldLength] bytes or not valid UTF-8 are rejected.
// [Normalize] returns the canonical form (trimmed, subdivision keys,
// upper-case postal codes); normalizing a valid address keeps it valid.
//
// # Forms
//
// [Form] returns a [FormLayout]: the rows of inputs of a country's address
// form with labels in the user's language and required flags, the postal
// code pattern and examples, and the subdivision choices; [Subdivisions] lists a
// country's subdivisions and nested levels. [SubdivisionCode] maps the
// subdivision key of a normalized address ("NY", "QC", "東京都") to its ISO
// 3166-2 code ("US-NY", "CA-QC", "JP-13"); [Address.TaxLocation] does all
// of it in one call and returns the country, region and postal code that
// package tax reads (tax.AddressOf consumes it).
//
// # Codes, enums and copies
//
// Country codes are accepted in any ASCII case and never trimmed: " de" is
// no country anywhere except in [Normalize], whose job is to clean typed
// input. [Field] and [Style] are enumerations with lower-case, hyphenated
// text names ("postal-code", "postal-label"), IsValid, Parse functions
// and the encoding.TextAppender AppendText. Every slice returned is new
// and the caller's.
//
// # Performance
//
// Importing the package does no work: the metadata is a static table.
// Postal code patterns are compiled, and the ISO codes of subdivisions
// indexed, once per country, on first use; after that [SubdivisionCode]
// does not allocate.
// Formatting a typical address allocates only the returned string
// ([AppendFormat] into a large enough buffer: nothing), and validating a
// valid one does not allocate; postal labels that upper-case letters
// outside ASCII, and subdivision names matched only ignoring accents,
// allocate. [Subdivisions] and [Form] return new values on every call. All
// functions are safe for concurrent use.
//
// Phone numbers live in package
// [github.com/marketkit/marketkit/address/phone], so that importing address
// does not pay the start-up cost of the phone metadata.
package address
