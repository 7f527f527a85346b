/// libyaml's words for a YAML syntax error, as Yams passes them on (a problem, and the context that
/// was open: "while parsing a flow sequence"), in the messages' language (`bilingual`), and for the
/// usual mistakes in a hand-edited config (an indentation off, an unclosed quote or bracket, a value
/// starting with @, a Windows path between double quotes) what to check, for the error's "expected" part. Every problem and
/// context libyaml has (its scanner's, parser's and reader's) has its French (tested against the vendored sources).
enum YAMLProblemText {
    /// `problem` in the messages' language.
    static func problem(_ problem: String) -> String {
        bilingual(problem, french[problem] ?? problem)
    }

    /// `context` in the messages' language.
    static func context(_ context: String) -> String {
        bilingual(context, french[context] ?? context)
    }

    /// What to check for `problem`, given the context that was open (its words and where it
    /// starts), or nil when there is nothing more useful to say than "valid YAML".
    static func hint(problem: String, context: String?, line: Int?, column: Int?) -> String? {
        switch problem {
        case "mapping values are not allowed in this context":
            return bilingual("check this line's indentation (the keys of a block line up) and that the key above it ends with ':', and put a value holding ': ' between quotes",
                             "vérifiez l'indentation de cette ligne (les clés d'un bloc sont alignées) et que la clé au-dessus se termine par «\u{00A0}:\u{00A0}», et mettez entre guillemets une valeur qui contient «\u{00A0}:\u{00A0}»")
        case "did not find expected key" where context == "while parsing a block mapping":
            guard let line, let column else { return nil }
            return bilingual("this line indented as the other keys of its block (the keys of one block line up; the block open here starts at line \(line), column \(column))",
                             "cette ligne indentée comme les autres clés de son bloc (les clés d'un bloc sont alignées\u{202F}; le bloc ouvert ici commence ligne \(line), colonne \(column))")
        case "did not find expected '-' indicator":
            return bilingual("the items of a list line up, each starting with '- '", "les éléments d'une liste sont alignés, chacun commence par '- '")
        case "could not find expected ':'":
            return bilingual("a key followed by ':' and a space, on one line", "une clé suivie de «\u{00A0}:\u{00A0}» et d'une espace, sur une seule ligne")
        case "found character that cannot start any token":
            return bilingual("put a value starting with @, ` or % between quotes", "mettez entre guillemets une valeur qui commence par @, ` ou %")
        case "found unexpected end of stream" where context == "while scanning a quoted scalar":
            return bilingual("close the quote opened there", "fermez le guillemet ouvert là")
        case "did not find expected ',' or ']'":
            return bilingual("close the [ opened there, its items separated by commas", "fermez le [ ouvert là, ses éléments séparés par des virgules")
        case "did not find expected ',' or '}'":
            return bilingual("close the { opened there, its entries separated by commas", "fermez le { ouvert là, ses entrées séparées par des virgules")
        // Both only arise in a double-quoted scalar's escapes (libyaml's scanner); a `where` on the
        // second pattern alone held for it only (the compiler's warning).
        case "found unknown escape character", "did not find expected hexdecimal number":
            return bilingual("between double quotes a backslash starts an escape (\\n, \\\"): write \\\\ for a backslash, or use single quotes",
                             "entre guillemets doubles, une barre oblique inverse commence un échappement (\\n, \\\")\u{00A0}: écrivez \\\\ pour une barre oblique inverse, ou utilisez des guillemets simples")
        case "but found another document":
            return bilingual("one document: no '---' line after the first", "un seul document\u{00A0}: pas de ligne '---' après la première")
        default:
            return nil
        }
    }

    /// libyaml's words in French (its problems and contexts, the usual ones first).
    static let french: [String: String] = [
        "found character that cannot start any token": "caractère qui ne peut commencer aucun élément",
        "mapping values are not allowed in this context": "«\u{00A0}:\u{00A0}» (une clé et sa valeur) n'est pas permis à cet endroit",
        "mapping keys are not allowed in this context": "une clé («\u{00A0}?\u{00A0}») n'est pas permise à cet endroit",
        "block sequence entries are not allowed in this context": "un élément de liste («\u{00A0}-\u{00A0}») n'est pas permis à cet endroit",
        "could not find expected ':'": "«\u{00A0}:\u{00A0}» attendu mais introuvable",
        "found unexpected ':'": "«\u{00A0}:\u{00A0}» inattendu",
        "found unexpected end of stream": "fin du fichier inattendue",
        "found unexpected document indicator": "séparateur de document (--- ou ...) inattendu",
        "found unknown escape character": "caractère d'échappement inconnu",
        "found invalid Unicode character escape code": "code d'échappement Unicode invalide",
        "did not find expected hexdecimal number": "nombre hexadécimal attendu mais introuvable",
        "did not find expected key": "clé attendue mais introuvable",
        "did not find expected '-' indicator": "«\u{00A0}-\u{00A0}» attendu mais introuvable",
        "did not find expected ',' or ']'": "«\u{00A0},\u{00A0}» ou «\u{00A0}]\u{00A0}» attendu mais introuvable",
        "did not find expected ',' or '}'": "«\u{00A0},\u{00A0}» ou «\u{00A0}}\u{00A0}» attendu mais introuvable",
        "did not find expected node content": "valeur attendue mais introuvable",
        "did not find expected comment or line break": "commentaire ou fin de ligne attendu mais introuvable",
        "did not find expected alphabetic or numeric character": "lettre ou chiffre attendu mais introuvable",
        "did not find expected <document start>": "début de document attendu mais introuvable",
        "found undefined tag handle": "préfixe de tag non défini",
        "but found another document": "mais un autre document suit",
        "while scanning a simple key": "en lisant une clé",
        "while scanning a quoted scalar": "en lisant une valeur entre guillemets",
        "while parsing a quoted scalar": "en lisant une valeur entre guillemets",
        "while scanning a plain scalar": "en lisant une valeur",
        "while scanning a block scalar": "en lisant un bloc de texte (| ou >)",
        "while scanning for the next token": "en cherchant l'élément suivant",
        "while parsing a block mapping": "en lisant le bloc de clés",
        "while parsing a block collection": "en lisant la liste",
        "while parsing a flow sequence": "en lisant la liste entre crochets",
        "while parsing a flow mapping": "en lisant le dictionnaire entre accolades",
        "while parsing a block node": "en lisant une valeur",
        "while parsing a flow node": "en lisant une valeur",
        "while parsing a node": "en lisant une valeur",
        "while scanning an anchor": "en lisant une ancre (&)",
        "while scanning an alias": "en lisant un alias (*)",
        "while scanning a tag": "en lisant un tag (!)",
        "while parsing a tag": "en lisant un tag (!)",
        "expected a single document in the stream": "un seul document attendu dans le fichier",
        // The rarer ones: directives, tags, escapes, indentation indicators.
        "could not find expected directive name": "nom de directive attendu mais introuvable",
        "did not find URI escaped octet": "octet échappé d'URI attendu mais introuvable",
        "did not find expected '!'": "«\u{00A0}!\u{00A0}» attendu mais introuvable",
        "did not find expected <stream-start>": "début du flux attendu mais introuvable",
        "did not find expected digit or '.' character": "chiffre ou «\u{00A0}.\u{00A0}» attendu mais introuvable",
        "did not find expected tag URI": "URI de tag attendue mais introuvable",
        "did not find expected version number": "numéro de version attendu mais introuvable",
        "did not find expected whitespace or line break": "espace ou fin de ligne attendu mais introuvable",
        "did not find expected whitespace": "espace attendu mais introuvable",
        "did not find the expected '>'": "«\u{00A0}>\u{00A0}» attendu mais introuvable",
        "found a tab character that violates indentation": "tabulation qui rompt l'indentation",
        "found a tab character where an indentation space is expected": "tabulation là où une espace d'indentation est attendue",
        "found an incorrect leading UTF-8 octet": "premier octet UTF-8 incorrect",
        "found an incorrect trailing UTF-8 octet": "octet UTF-8 de suite incorrect",
        "found an indentation indicator equal to 0": "indicateur d'indentation égal à 0",
        "found duplicate %TAG directive": "directive %TAG en double",
        "found duplicate %YAML directive": "directive %YAML en double",
        "found extremely long version number": "numéro de version bien trop long",
        "found incompatible YAML document": "document YAML d'une version incompatible",
        "found unexpected non-alphabetical character": "caractère non alphabétique inattendu",
        "found unknown directive name": "nom de directive inconnu",
        "while parsing a %TAG directive": "en lisant une directive %TAG",
        "while parsing a tag directive": "en lisant une directive de tag",
        "while scanning a %TAG directive": "en lisant une directive %TAG",
        "while scanning a %YAML directive": "en lisant une directive %YAML",
        "while scanning a directive": "en lisant une directive",
        "while scanning a tag directive": "en lisant une directive de tag",
        // The reader's (a file that is not UTF-8 text, a control character).
        "control characters are not allowed": "caractères de contrôle non permis",
        "expected low surrogate area": "seconde moitié d'une paire de substitution UTF-16 attendue",
        "incomplete UTF-16 character": "caractère UTF-16 incomplet",
        "incomplete UTF-16 surrogate pair": "paire de substitution UTF-16 incomplète",
        "incomplete UTF-8 octet sequence": "séquence UTF-8 incomplète",
        "input error": "erreur de lecture",
        "input is too long": "entrée trop longue",
        "invalid Unicode character": "caractère Unicode invalide",
        "invalid leading UTF-8 octet": "premier octet UTF-8 invalide",
        "invalid length of a UTF-8 sequence": "longueur de séquence UTF-8 invalide",
        "invalid trailing UTF-8 octet": "octet UTF-8 de suite invalide",
        "unexpected low surrogate area": "seconde moitié d'une paire de substitution UTF-16 inattendue",
    ]
}
