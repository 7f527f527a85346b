import Foundation

/// Other names that exports give the required columns (and a ledger's order column), for the "may
/// be it" hint of a missing one:
/// a CRM's, a shop's or a spreadsheet's words, in English and French (Shopify's customer export
/// says "Total Spent" and "Total Orders", its order export "Email", "Created at" and "Total").
/// Names are compared in `looseName` form, accents left out. Only a hint: nothing is mapped
/// without the user's `columns:` entry.
enum HeaderSynonyms {
    /// Loose names (letters and digits, lower case, no accents) by column name.
    static let names: [String: Set<String>] = [
        "customer_id": ["customer", "client", "clientid", "idclient", "customernumber", "customerno", "customercode", "userid",
                        "memberid", "contactid", "accountid", "numeroclient", "codeclient", "email", "mail", "emailaddress",
                        "identifiantclient", "identifiantduclient", "numclient", "noclient", "nclient", "numerodeclient", "refclient",
                        "referenceclient", "clientnumber", "clientcode", "customerref", "customerreference"],
        "date": ["orderdate", "createdat", "created", "purchasedate", "transactiondate", "paidat", "processedat", "dateachat",
                 "datedachat", "datecommande", "datedecommande", "datedelacommande", "datetransaction", "datedetransaction", "datevente",
                 "datedevente", "timestamp", "day"],
        "amount": ["total", "totalprice", "totalamount", "price", "value", "montant", "montantttc", "prix", "sales", "netamount",
                   "grossamount", "amountpaid", "subtotal", "revenue", "totalttc"],
        // A ledger's optional order column: without it every line counts as an order (a warning).
        "order_id": ["order", "orderno", "ordernumber", "ordernr", "orderref", "orderreference", "ordercode", "invoice", "invoiceno",
                     "invoicenumber", "invoiceid", "invoiceref", "transactionid", "transactionno", "transactionref", "receipt",
                     "receiptno", "receiptnumber", "commande", "numcommande", "numerocommande", "numerodecommande", "nocommande",
                     "ncommande", "refcommande", "referencecommande", "referencedecommande", "referencedelacommande", "idcommande",
                     "commandeid", "facture", "numfacture", "numerofacture", "numerodefacture", "nofacture", "nfacture", "idfacture",
                     "ticket", "numeroticket", "numerodeticket", "noticket", "idticket", "idtransaction", "numerotransaction",
                     "numerodetransaction"],
        "last_order_date": ["lastorder", "lastpurchase", "lastpurchasedate", "lastorderat", "dateofthelastorder", "dernierecommande",
                            "datedernierecommande", "datedeladernierecommande", "dernierachat", "datedernierachat", "datedudernierachat"],
        "orders": ["ordercount", "orderscount", "ordersnumber", "numberoforders", "nborders", "totalorders", "nbcommandes",
                   "nombredecommandes", "nombrecommandes", "commandes", "purchases", "purchasecount", "nbachats", "nombredachats",
                   "nombreachats", "totalcommandes", "achats"],
        "revenue": ["totalspent", "totalrevenue", "revenuetotal", "amountspent", "ltv", "ca", "chiffredaffaires", "chiffreaffaires",
                    "montanttotal", "montantdepense", "totaldepense", "totalachats", "spent", "totalsales", "sales", "catotal", "totalca",
                    "cacumule", "cattc", "montantcumule", "totaldesachats", "depensetotale", "lifetimevalue", "totalamountspent"],
    ]

    /// Other names of a snapshot's optional columns, for the unknown-column warning: a survey score
    /// or a first-order date exported under another name is otherwise left out with no more than
    /// its name in a list (« Note NPS », « Date première commande »).
    static let optionalNames: [String: Set<String>] = [
        "first_order_date": ["firstorder", "firstorderdate", "firstpurchase", "firstpurchasedate", "firstorderat", "datepremierecommande",
                             "premierecommande", "datedepremierecommande", "datedelapremierecommande", "premierachat", "datepremierachat",
                             "datedupremierachat", "datedepremierachat"],
        "status": ["statut", "state", "customerstatus", "statutclient", "etat", "statutduclient"],
        "vip": ["isvip", "vipcustomer", "clientvip", "vipflag", "estvip"],
        "nps": ["npsscore", "npsrating", "notenps", "scorenps", "npsnote", "likelihoodtorecommend", "recommandation", "recommendation"],
        "csat": ["csatscore", "satisfaction", "satisfactionscore", "notesatisfaction", "scoresatisfaction", "notedesatisfaction", "csatnote"],
        "ces": ["cesscore", "customereffortscore", "effortscore", "scoreeffort", "noteeffort", "scoredeffort", "notedeffort", "effort"],
        "feedback": ["comment", "comments", "commentaire", "commentaires", "verbatim", "verbatims", "review", "avis", "remarks",
                     "remarque", "remarques", "feedbacktext", "customerfeedback", "retourclient"],
        "public_complaint": ["publiccomplaint", "complaint", "plaintepublique", "reclamationpublique", "plainte", "reclamation"],
        "refund_requested": ["refund", "refunds", "refundamount", "refundrequest", "remboursement", "remboursementdemande",
                             "montantrembourse", "demandederemboursement", "montantarembourser"],
        "tier": ["loyaltytier", "tierlevel", "level", "niveau", "palier", "niveaufidelite", "statutfidelite", "loyaltylevel"],
        "points_balance": ["points", "loyaltypoints", "pointsfidelite", "soldepoints", "soldedepoints", "pointbalance", "pointsdefidelite"],
    ]

    /// The unknown header names (in header order) that may be one of the snapshot's optional
    /// columns the file lacks, each column suggested once: `(name, column)` pairs for a `columns:` entry.
    static func optionalCandidates(among unknown: [String], lacking: Set<String>) -> [(name: String, column: String)] {
        // In a fixed order, so that a name two columns could take goes to the same one every time.
        var open = optionalNames.filter { lacking.contains($0.key) }.sorted { $0.key < $1.key }
        var found: [(name: String, column: String)] = []
        for name in unknown {
            let loose = looseName(name)
            guard let i = open.firstIndex(where: { looseName($0.key) == loose || $0.value.contains(loose) }) else { continue }
            found.append((name, open.remove(at: i).key))
        }
        return found
    }

    /// The `columns:` entry of fidelis.yml that maps each header name to its column:
    /// `columns: {"Note NPS": nps, "CA total": revenue}` (names quoted as YAML needs them).
    static func columnsEntry(_ pairs: [(name: String, column: String)]) -> String {
        "columns: {" + pairs.map { YAMLScalar.quoted($0.name) + ": " + $0.column }.joined(separator: ", ") + "}"
    }

    /// A header name reduced to its letters and digits, lower-cased and without accents:
    /// "Customer ID", "customer_id" and "CUSTOMER-ID" give the same.
    static func looseName(_ name: String) -> String {
        String(name.folding(options: .diacriticInsensitive, locale: nil).lowercased().filter { $0.isLetter || $0.isNumber })
    }

    /// The first of `unknown` (in header order) that may be `column`: its own name loosely written,
    /// else one of its other names.
    static func candidate(for column: String, among unknown: [String]) -> String? {
        let own = looseName(column)
        if let same = unknown.first(where: { looseName($0) == own }) { return same }
        guard let others = names[column] else { return nil }
        return unknown.first { others.contains(looseName($0)) }
    }
}
