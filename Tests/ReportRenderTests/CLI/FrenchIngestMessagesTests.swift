import Foundation
import Testing

/// The input readers' errors and warnings in French (`LANG=fr_FR.UTF-8`): CLI runs on small bad
/// inputs, each expected line written by hand; `LC_ALL=C` still gives the English, unchanged.
@Suite(.serialized) struct FrenchIngestMessagesTests {
    static let french: [String: String?] = ["LANG": "fr_FR.UTF-8"]
    static let nbsp = "\u{00A0}", narrow = "\u{202F}"

    /// Writes `files` (name → content) into `dir`, making the folders on the way.
    func write(_ files: [String: String], in dir: String) throws {
        for (name, text) in files {
            let path = dir + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
    }

    /// The lines of `text`.
    func lines(_ text: String) -> [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    /// Expects each of `expected` as a whole line of `text`.
    func expectLines(_ expected: [String], in text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let all = lines(text)
        for line in expected {
            #expect(all.contains(line), "missing line:\n\(line)\nin:\n\(text)", sourceLocation: sourceLocation)
        }
    }

    static let badRows = """
        customer_id,last_order_date,orders,revenue,vip
        c1,2026-01-05 14:33:00,2,10.00,true
        c2,2026-01-03,1,€12.50,false
        c3,2026-01-04,1,5.00,vrai
        c5,2026-01-02,1,5.00,true
        c5,2026-01-02,1,5.00,true
        c4,2026-01-02,1

        """

    @Test func rowErrorsOfASnapshotAreInFrench() throws {
        let cli = CommandLineTests()
        let dir = cli.temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        try write(["in/2026-01.csv": Self.badRows], in: dir)
        let run = try cli.run(["validate", "--snapshots", "in"], in: dir, environment: Self.french)
        #expect(run.status != 0)
        let (n, nn) = (Self.nbsp, Self.narrow)
        expectLines([
            "2026-01.csv:2:2: last_order_date \"2026-01-05 14:33:00\" est une date avec une heure (attendu\(n): une date YYYY-MM-DD sans l'heure)",
            "2026-01.csv:3:4: revenue \"€12.50\" n'est pas un nombre décimal >= 0 (attendu\(n): un nombre comme 12.50\(nn); écrit tel qu'il s'affiche à l'écran\(n): "
                + "écrivez-le sans son symbole monétaire (la devise est indiquée une fois, dans fidelis.yml), soit 12.50)",
            "2026-01.csv:4:5: vip \"vrai\" n'est pas une valeur oui/non (attendu\(n): true/false, 1/0, yes/no ou oui/non\(nn); VRAI/FAUX est la façon dont un tableur "
                + "écrit TRUE/FALSE quand il enregistre de nouveau le fichier\(n): remplacez-les par true/false, ou utilisez l'export tel quel)",
            "2026-01.csv:6:1: customer_id \"c5\" apparaît deux fois (d'abord ligne 5) (attendu\(n): chaque client une seule fois par relevé)",
            "2026-01.csv:7:4: la ligne a 3 champ(s) (attendu\(n): 5 champs comme la ligne d'en-tête)",
        ], in: run.err)
    }

    @Test func theTerminalsCLocaleStillGivesTheEnglish() throws {
        let cli = CommandLineTests()
        let dir = cli.temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        try write(["in/2026-01.csv": Self.badRows, "t.csv": "customer_id,date,amount\n,2026-01-05,12.50\n"], in: dir)
        let run = try cli.run(["validate", "--snapshots", "in"], in: dir, environment: ["LANG": "fr_FR.UTF-8", "LC_ALL": "C"])
        expectLines([
            "2026-01.csv:2:2: last_order_date \"2026-01-05 14:33:00\" is a date and a time (expected a date YYYY-MM-DD without the time of day)",
            "2026-01.csv:3:4: revenue \"€12.50\" is not a decimal number >= 0 (expected a number like 12.50; written as it is shown on screen: "
                + "write it without its currency sign (the currency is set once, in fidelis.yml), as 12.50)",
            "2026-01.csv:6:1: customer_id \"c5\" appears twice (first on line 5) (expected each customer once per snapshot)",
            "2026-01.csv:7:4: the row has 3 field(s) (expected 5 fields as in the header row)",
        ], in: run.err)
        let ledger = try cli.run(["validate", "--transactions", "t.csv"], in: dir, environment: ["LANG": "fr_FR.UTF-8", "LC_ALL": "C"])
        expectLines(["t.csv:2:1: customer_id is missing (expected a non-empty customer id; lines without a customer, such as guest checkouts, "
                     + "cannot be followed over time: leave them out of the export)"], in: ledger.err)
    }

    @Test func headerAndFolderErrorsAreInFrench() throws {
        let cli = CommandLineTests()
        let dir = cli.temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let (n, nn) = (Self.nbsp, Self.narrow)
        try write(["a/2026-01.csv": "customer_id,last_order_date,orders,total_spent\nc1,2026-01-05,1,10.00\n"], in: dir)
        let header = try cli.run(["validate", "--snapshots", "a"], in: dir, environment: Self.french)
        expectLines(["2026-01.csv:1:0: la colonne obligatoire revenue manque (attendu\(n): une ligne d'en-tête avec customer_id, last_order_date, orders, revenue"
                     + "\(nn); ce pourrait être \"total_spent\"\(n): associez-le dans fidelis.yml avec columns: {\"total_spent\": revenue})"], in: header.err)

        try write(["b/2026-01.csv": "customer_id,last_order_date,orders,revenue\nc1,2026-01-05,1,10.00\n",
                   "b/2026-01-31.csv": "customer_id,last_order_date,orders,revenue\nc1,2026-01-05,1,10.00\n",
                   "b/ventes-orders.csv": "customer_id,date,amount\n"], in: dir)
        let folder = try cli.run(["validate", "--snapshots", "b"], in: dir, environment: Self.french)
        expectLines([
            "2026-01.csv:0:0: même date de relevé, 2026-01-31, que 2026-01-31.csv (attendu\(n): un relevé par date)",
            "ventes-orders.csv:0:0: le nom du fichier n'est pas une date de relevé (attendu\(n): YYYY-MM.csv ou YYYY-MM-DD.csv\(nn); si c'est un journal de "
                + "transactions (une ligne par achat), donnez le fichier lui-même avec --transactions)",
        ], in: folder.err)

        try FileManager.default.createDirectory(atPath: dir + "/empty", withIntermediateDirectories: true)
        try write(["empty/2026-02.xlsx": "PK"], in: dir)
        let empty = try cli.run(["validate", "--snapshots", "empty"], in: dir, environment: Self.french)
        #expect(lines(empty.err).contains { $0.hasSuffix(":0:0: le dossier ne contient aucun fichier de relevé (attendu\(n): des fichiers nommés YYYY-MM.csv ou YYYY-MM-DD.csv"
                                                          + "\(nn); 2026-02.xlsx n'est pas lu, car seuls les fichiers .csv le sont\(n): enregistrez-le en CSV UTF-8 pour qu'il soit lu)") },
                "\(empty.err)")
    }

    @Test func fileAndSyntaxErrorsAreInFrench() throws {
        let cli = CommandLineTests()
        let dir = cli.temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let n = Self.nbsp
        try write(["quote.csv": "customer_id,date,amount\nc1,2026-01-05,\"12.50\n", "a/2026-01.csv": ""], in: dir)
        var utf16 = Data([0xFF, 0xFE])
        utf16.append("customer_id,date,amount\n".data(using: .utf16LittleEndian)!)
        try utf16.write(to: URL(fileURLWithPath: dir + "/utf16.csv"))
        let quote = try cli.run(["validate", "--transactions", "quote.csv"], in: dir, environment: Self.french)
        expectLines(["quote.csv:2:3: champ entre guillemets jamais refermé (attendu\(n): un guillemet fermant \" avant la fin du fichier)"], in: quote.err)
        let wide = try cli.run(["validate", "--transactions", "utf16.csv"], in: dir, environment: Self.french)
        expectLines(["utf16.csv:1:1: le fichier est du texte UTF-16 (attendu\(n): du texte UTF-8\(n): exportez-le en CSV UTF-8)"], in: wide.err)
        let empty = try cli.run(["validate", "--snapshots", "a"], in: dir, environment: Self.french)
        expectLines(["2026-01.csv:1:0: le fichier est vide (attendu\(n): une ligne d'en-tête qui nomme les colonnes)"], in: empty.err)
    }

    @Test func ledgerErrorsAreInFrench() throws {
        let cli = CommandLineTests()
        let dir = cli.temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let (n, nn) = (Self.nbsp, Self.narrow)
        try write(["t.csv": "customer_id,date,amount\n,2026-01-05,12.50\nc2,05/01/2026,12.50\nc3,2026-01-06,EUR 12.50\n"], in: dir)
        let run = try cli.run(["validate", "--transactions", "t.csv"], in: dir, environment: Self.french)
        #expect(run.status != 0)
        expectLines([
            "t.csv:2:1: customer_id manque (attendu\(n): un identifiant client non vide\(nn); les lignes sans client, comme les achats sans compte, "
                + "ne peuvent pas être suivies dans le temps\(n): laissez-les hors de l'export)",
            "t.csv:3:2: date \"05/01/2026\" n'est pas une date valide (attendu\(n): une date YYYY-MM-DD\(nn); pour des dates écrites comme celle-ci, "
                + "indiquez date_format: dd/mm/yyyy ou date_format: mm/dd/yyyy dans fidelis.yml)",
            "t.csv:4:3: amount \"EUR 12.50\" n'est pas un nombre décimal (attendu\(n): un nombre comme 12.50 ou -12.50\(nn); écrit tel qu'il s'affiche à "
                + "l'écran\(n): écrivez-le sans son symbole monétaire (la devise est indiquée une fois, dans fidelis.yml), soit 12.50)",
        ], in: run.err)
    }

    @Test func snapshotWarningsAreInFrench() throws {
        let cli = CommandLineTests()
        let dir = cli.temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let n = Self.nbsp
        try write(["in/2026-01.csv": "customer_id,last_order_date,orders,revenue,vip,foo\nc1,2026-01-05,1,10.00,true,x\n",
                   "in/2026-02.csv": "customer_id,last_order_date,orders,revenue\nc1,2026-02-05,2,20.00\n",
                   "in/2026-05.csv": "customer_id,last_order_date,orders,revenue\n",
                   "in/2026-03.xlsx": "PK"], in: dir)
        let run = try cli.run(["validate", "--snapshots", "in"], in: dir, environment: Self.french)
        #expect(run.status == 0, "\(run.err)")
        let w = "avertissement\(n): "
        expectLines([
            w + "2026-03.xlsx n'est pas lu, car seuls les fichiers .csv le sont\(n): enregistrez-le en CSV UTF-8 pour qu'il soit lu",
            w + "aucun relevé pour 2026-03, 2026-04\(n): la rétention et le churn de 2026-05.csv le comparent à 2026-02.csv, 3 mois plus tôt",
            w + "2026-01.csv: colonne(s) inconnue(s) ignorée(s)\(n): foo",
            w + "2026-02.csv n'a plus la colonne vip que 2026-01.csv avait\(n): ses chiffres qui en ont besoin sont calculés sans elle (oubliée dans l'export\(n)?)",
            w + "2026-05.csv: le fichier a une ligne d'en-tête mais aucune ligne de client (un export tronqué\(n)?)\(n): tout client actif avant lui compte comme perdu",
        ], in: run.err)
    }

    @Test func ledgerWarningsAreInFrench() throws {
        let cli = CommandLineTests()
        let dir = cli.temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let (n, nn) = (Self.nbsp, Self.narrow)
        try write(["t.csv": "customer_id,date,amount,invoice\nc1,2026-01-05,12.50,F1\nc2,2026-01-20,30.00,F2\nc1,2026-02-03,8.00,F3\n"], in: dir)
        let run = try cli.run(["validate", "--transactions", "t.csv"], in: dir, environment: Self.french)
        #expect(run.status == 0, "\(run.err)")
        let w = "avertissement\(n): "
        expectLines([
            w + "t.csv: le journal n'a pas de colonne order_id, donc chaque ligne compte pour une commande\(nn); ce pourrait être \"invoice\"\(n): "
                + "associez-le dans fidelis.yml avec columns: {\"invoice\": order_id}",
            w + "t.csv: colonne(s) inconnue(s) ignorée(s)\(n): invoice",
            w + "t.csv: la dernière ligne est datée du 2026-02-03, donc le dernier relevé ne couvre que 3 jour(s) de 2026-02\(n): "
                + "passez --as-of 2026-01-31 pour finir au dernier mois complet",
        ], in: run.err)
        let late = try cli.run(["validate", "--transactions", "t.csv", "--as-of", "2026-06-30"], in: dir, environment: Self.french)
        expectLines([w + "t.csv: le dernier achat est daté du 2026-02-03, et la date --as-of 2026-06-30 ajoute 4 relevé(s) après son mois "
                     + "sans aucune ligne d'achat\(n): vérifiez --as-of"], in: late.err)
    }

    @Test func exportChecksAndSampleErrorsAreInFrench() throws {
        let cli = CommandLineTests()
        let dir = cli.temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let (n, nn) = (Self.nbsp, Self.narrow)
        let header = "customer_id,first_order_date,last_order_date,orders,revenue\n"
        try write(["in/2026-01.csv": header + (1...25).map { "c\($0),2026-01-10,2026-01-10,1,10.00\n" }.joined(),
                   "in/2026-02.csv": header + (1...25).map { "d\($0),2025-12-01,2026-02-10,2,20.00\n" }.joined()], in: dir)
        let run = try cli.run(["build", "--snapshots", "in"], in: dir, environment: Self.french)
        expectLines(["      avertissement\(n): 2026-02.csv: 25 des 25 clients actifs dans 2026-01.csv (100\(nn)%) n'y sont pas, et 25 clients (100\(nn)% de ses lignes) "
                     + "apparaissent pour la première fois avec des commandes datées au plus tard du 2026-01-31\(n): des identifiants clients écrits autrement\(n)? "
                     + "Les premiers comptent comme perdus, les seconds comme de nouveaux clients dont le CA à ce jour compte comme CA de la période"], in: run.err)

        try write(["out/mine.csv": "x\n", "out/other.csv": "y\n"], in: dir)
        let sample = try cli.run(["sample", "--out", "out"], in: dir, environment: Self.french)
        #expect(sample.status != 0)
        #expect(sample.err.contains("out contient déjà mine.csv et 1 autre(s) fichier(s) CSV\(n): sample n'écrase jamais de fichiers et ne mélange pas "
                                    + "les siens avec d'autres (attendu\(n): un dossier nouveau ou vide)"), "\(sample.err)")
    }
}
