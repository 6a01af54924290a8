/// Sentence templates per language, written the way CERT and police reports of the region read.
/// Slots: {name} a person right after a label or honorific, {gname} a person in running text,
/// {email} {phone} {phoneC} (phone after a phone label) {iban} {card} {ipv4} {ipv6} {url} {domain}
/// {jmbg} {tckn} {alnid} {xkid} {wallet}; distractors (never labelled): {date} {ts} {time} {ticket}
/// {md5} {sha1} {sha256} {cve} {asn} {port} {version} {file} {amount} {n} {incident}.
struct Templates {
    /// Headers of the indicator list and of a forwarded phishing e-mail, per language.
    static let iocHeader: [ReportLanguage: String] = [
        .en: "Indicators of compromise:", .sr: "Indikatori kompromitovanja:", .srCyrl: "Индикатори компромитовања:",
        .sq: "Treguesit e komprometimit:", .tr: "Saldırı göstergeleri (IoC):", .mk: "Индикатори на компромитирање:",
        .bs: "Indikatori kompromitacije:",
    ]
    static let forwardedHeader: [ReportLanguage: String] = [
        .en: "Headers of the reported message:", .sr: "Zaglavlje prijavljene poruke:", .srCyrl: "Заглавље пријављене поруке:",
        .sq: "Koka e mesazhit të raportuar:", .tr: "Bildirilen iletinin başlıkları:", .mk: "Заглавие на пријавената порака:",
        .bs: "Zaglavlje prijavljene poruke:",
    ]
    static let iocLines = ["- {url}", "- {domain}", "- {ipv4}:{port}", "- {ipv4}", "- {ipv6}", "- SHA-256: {sha256}", "- MD5: {md5}",
                           "- {file}", "- C2: {url}", "- {email}", "- BTC: {wallet}", "- {domain} ({ipv4})"]
    static let subjects = ["Hitno: potvrdite svoj nalog", "Your account has been suspended", "Hesabınız askıya alındı",
                           "Pošiljka čeka na preuzimanje", "Fatura e papaguar", "Ажурирање на податоци", "Invoice {n} overdue"]
    static let senders = ["Banka Intesa", "PostExpress", "Support Team", "Garanti BBVA", "Posta Shqiptare", "Пошта на Македонија", "IT Helpdesk"]
    var incidents: [String]
    var openings: [String]
    var body: [String]
    var closings: [String]

    static func of(_ lang: ReportLanguage) -> Templates {
        switch lang {
        case .en: return en
        case .sr: return sr
        case .srCyrl: return srCyrl
        case .sq: return sq
        case .tr: return tr
        case .mk: return mk
        case .bs: return bs
        }
    }

    static let en = Templates(
        incidents: ["phishing campaign", "CEO fraud", "ransomware attack", "DDoS attack", "account compromise", "investment fraud", "SIM-swap fraud", "sextortion campaign"],
        openings: [
            "On {date} the national CERT received a report ({ticket}) about a {incident} targeting customers of a regional bank. ",
            "Case {ticket}, opened {ts}: {incident} reported by a partner CSIRT. ",
            "Summary of incident {ticket} ({incident}), forwarded to the cybercrime unit on {date}. ",
        ],
        body: [
            "The card number was partly masked in the bank statement ({masked}, expiry {exp}). ",
            "The scanning host {ipv4}:{port} belongs to the network {ipv4}/24 ({asn}). ",
            "Mob.: {phoneC}; Tel/Fax: {phoneC}. ",
            "The victim (tel. {phoneC}) forwarded the message to <{email}>. ",
            "A person calling himself {gname} contacted the bank from {phone}. ",
            "The victim, {gname}, received an e-mail from {email} asking to confirm the account details. ",
            "Victim name: {name}. Contact phone: {phoneC}, e-mail: {email}. ",
            "The phishing page was hosted at {url} and resolved to {ipv4}. ",
            "The lookalike domain {domain} was registered on {date} through a privacy-protected registrar. ",
            "Funds were transferred to IBAN {iban} in two instalments of {amount} EUR. ",
            "The victim's card {card} was charged {amount} EUR at {time}. ",
            "According to the bank, the account holder is {gname}, personal number {jmbg}. ",
            "The ransom note demanded payment to {wallet} within 72 hours. ",
            "The sample ({file}, SHA-256 {sha256}) exploits {cve} in version {version} of the VPN appliance. ",
            "Traffic originated from {ipv4} ({asn}) on port {port} and from {ipv6}. ",
            "Mr. {nameM} called the hotline from {phone} on {date}. ",
            "The fraudster asked the victim to call {phone} and to top up the card {card}. ",
            "The compromised mailbox {email} was used to send invoices with a new IBAN, {iban}. ",
            "DDoS traffic peaked at {n} Gbps from addresses including {ipv4}, {ipv4} and {ipv6}. ",
            "Complainant: {name}, reachable at {email} or {phone}. ",
            "The attacker's server {ipv4} also served {url} and the panel at {domain}. ",
            "Reported by {gname} ({email}) on {ts}. ",
            "Ms {nameF} confirmed that she never shared her one-time codes. ",
            "The suspect, {name}, holds Turkish ID number {tckn} and used the phone {phone}. ",
            "The Albanian police identified the account owner (NID {alnid}) as {gname}. ",
            "A second wallet, {wallet}, received {n} transfers between {date} and {date}. ",
            "Hashes of the dropped files: MD5 {md5}, SHA-1 {sha1}. ",
            "The login came from {ipv6} at {ts}, followed by a password reset to {email}. ",
            "Suspect name: {name}; the domain {domain} is registered to the same e-mail, {email}. ",
        ],
        closings: [
            "The case was forwarded to the police under reference {ticket}. ",
            "Indicators were shared with partner teams on {date}. ",
            "Please treat this report as TLP:AMBER. ",
            "",
        ])

    static let sr = Templates(
        incidents: ["fišing kampanji", "prevari sa lažnim direktorom", "ransomver napadu", "DDoS napadu", "kompromitovanju naloga", "investicionoj prevari"],
        openings: [
            "Dana {date} Nacionalni CERT je primio prijavu ({ticket}) o {incident} usmerenoj na klijente banke. ",
            "Predmet {ticket}, otvoren {ts}: prijava o {incident}. ",
            "Izveštaj o incidentu {ticket} prosleđen je Odeljenju za borbu protiv visokotehnološkog kriminala {date}. ",
        ],
        body: [
            "Broj kartice je delimično maskiran ({masked}, važi do {exp}). ",
            "Skeniranje je dolazilo sa {ipv4}:{port}, iz opsega {ipv4}/24 ({asn}). ",
            "Mob.: {phoneC}; Tel/Fax: {phoneC}. ",
            "Oštećeni (tel. {phoneC}) je poruku prosledio na <{email}>. ",
            "Osoba koja se predstavila kao {gname} pozvala je banku sa broja {phone}. ",
            "Oštećeni {gname} je primio poruku sa adrese {email} u kojoj se traži potvrda podataka o nalogu. ",
            "Ime i prezime: {name}, JMBG: {jmbg}, telefon: {phoneC}. ",
            "Lažna stranica se nalazila na adresi {url}, a domen {domain} je registrovan {date}. ",
            "Novac je uplaćen na račun {iban} u dve rate od po {amount} dinara. ",
            "Sa platne kartice {card} skinuto je {amount} dinara u {time} časova. ",
            "Napadač je tražio uplatu otkupnine na adresu {wallet}. ",
            "Zlonamerni fajl {file} (SHA-256: {sha256}) koristi ranjivost {cve}. ",
            "Saobraćaj je dolazio sa IP adrese {ipv4} ({asn}), port {port}, kao i sa {ipv6}. ",
            "Prijavu je podneo g-din {nameM}, kontakt telefon {phoneC}. ",
            "Osumnjičeni {name} je koristio adresu {email} i broj telefona {phone}. ",
            "Kontakt osoba u banci je {gname}, e-mail {email}. ",
            "Kompromitovani nalog {email} je korišćen za slanje lažnih faktura sa novim računom {iban}. ",
            "Server {ipv4} je hostovao i stranicu {url}. ",
            "Oštećena je pozvana sa broja {phone} od strane osobe koja se predstavila kao službenik banke. ",
            "Podnosilac prijave: {name}, adresa e-pošte {email}. ",
            "Prema podacima banke, vlasnik računa je {gname}, JMBG {jmbg}. ",
            "Napadi su trajali od {ts} do {ts}, sa vrhom od {n} Gbps. ",
            "Na serveru je pronađena verzija {version} softvera sa poznatom ranjivošću {cve}. ",
            "Gospođa {nameF} je potvrdila da nikome nije dala kod za potvrdu. ",
            "Drugi novčanik, {wallet}, primio je {n} uplata. ",
            "Heš vrednosti: MD5 {md5}, SHA-1 {sha1}. ",
            "Prijava na nalog izvršena je sa adrese {ipv6} u {time}. ",
        ],
        closings: ["Predmet je prosleđen policiji pod brojem {ticket}. ", "Indikatori su podeljeni sa partnerskim timovima {date}. ", ""])

    static let srCyrl = Templates(
        incidents: ["фишинг кампањи", "превари са лажним директором", "рансомвер нападу", "DDoS нападу", "компромитовању налога"],
        openings: [
            "Дана {date} Национални CERT је примио пријаву ({ticket}) о {incident} усмереној на клијенте банке. ",
            "Предмет {ticket}, отворен {ts}: пријава о {incident}. ",
        ],
        body: [
            "Број картице је делимично маскиран ({masked}, важи до {exp}). ",
            "Скенирање је долазило са {ipv4}:{port}, из опсега {ipv4}/24 ({asn}). ",
            "Моб.: {phoneC}; Тел/факс: {phoneC}. ",
            "Особа која се представила као {gname} позвала је банку са броја {phone}. ",
            "Оштећени {gname} је примио поруку са адресе {email} у којој се тражи потврда података о налогу. ",
            "Име и презиме: {name}, ЈМБГ: {jmbg}, телефон: {phoneC}. ",
            "Лажна страница се налазила на адреси {url}, а домен {domain} је регистрован {date}. ",
            "Новац је уплаћен на рачун {iban} у две рате од по {amount} динара. ",
            "Са платне картице {card} скинуто је {amount} динара у {time} часова. ",
            "Нападач је тражио уплату откупнине на адресу {wallet}. ",
            "Злонамерни фајл {file} (SHA-256: {sha256}) користи рањивост {cve}. ",
            "Саобраћај је долазио са IP адресе {ipv4} ({asn}), порт {port}, као и са {ipv6}. ",
            "Пријаву је поднео г-дин {nameM}, контакт телефон {phoneC}. ",
            "Осумњичени {name} је користио адресу {email} и број телефона {phone}. ",
            "Контакт особа у банци је {gname}, е-пошта {email}. ",
            "Оштећена је позвана са броја {phone} од стране особе која се представила као службеник банке. ",
            "Подносилац пријаве: {name}, адреса е-поште {email}. ",
            "Према подацима банке, власник рачуна је {gname}, ЈМБГ {jmbg}. ",
            "Сервер {ipv4} је хостовао и страницу {url}. ",
            "Госпођа {nameF} је потврдила да никоме није дала код за потврду. ",
            "Хеш вредности: MD5 {md5}, SHA-1 {sha1}. ",
        ],
        closings: ["Предмет је прослеђен полицији под бројем {ticket}. ", ""])

    static let sq = Templates(
        incidents: ["fushatë phishing", "mashtrim me drejtor të rremë", "sulm ransomware", "sulm DDoS", "komprometim llogarie"],
        openings: [
            "Më {date} AKCESK mori një raport ({ticket}) për një {incident} që synonte klientët e bankës. ",
            "Rasti {ticket}, hapur më {ts}: {incident}. ",
            "Raporti për incidentin {ticket} iu dërgua Policisë së Shtetit më {date}. ",
        ],
        body: [
            "Numri i kartës ishte pjesërisht i maskuar ({masked}, skadon {exp}). ",
            "Skanimi vinte nga {ipv4}:{port}, nga rrjeti {ipv4}/24 ({asn}). ",
            "Cel.: {phoneC}; Tel/Fax: {phoneC}. ",
            "Një person që u prezantua si {gname} telefonoi bankën nga numri {phone}. ",
            "Viktima, {gname}, mori një email nga {email} ku i kërkohej konfirmimi i të dhënave. ",
            "Emri dhe mbiemri: {name}, NID: {alnid}, tel: {phoneC}. ",
            "Faqja e rreme ishte në {url} dhe domeni {domain} u regjistrua më {date}. ",
            "Paratë u transferuan në llogarinë {iban} në dy këste prej {amount} lekësh. ",
            "Nga karta {card} u tërhoqën {amount} lekë në orën {time}. ",
            "Sulmuesi kërkoi pagesën e shpërblimit në adresën {wallet}. ",
            "Skedari {file} (SHA-256: {sha256}) shfrytëzon dobësinë {cve}. ",
            "Trafiku vinte nga IP {ipv4} ({asn}), porta {port}, dhe nga {ipv6}. ",
            "Ankesa u paraqit nga z. {nameM}, numri i telefonit {phoneC}. ",
            "Znj. {nameF} na kontaktoi nga adresa {email}. ",
            "I dyshuari {name} përdori adresën {email} dhe numrin {phone}. ",
            "Sipas bankës, pronari i llogarisë është {gname}, numri personal {xkid}. ",
            "Serveri {ipv4} shërbente edhe faqen {url}. ",
            "Viktima u telefonua nga numri {phone} nga një person që u prezantua si punonjës banke. ",
            "Ankuesi: {name}, email {email}. ",
            "Një portofol i dytë, {wallet}, mori {n} pagesa. ",
            "Vlerat hash: MD5 {md5}, SHA-1 {sha1}. ",
            "Hyrja në llogari u bë nga {ipv6} më {ts}. ",
            "Kontakti në bankë është {gname}, tel. {phoneC}. ",
        ],
        closings: ["Rasti iu përcoll policisë me numër {ticket}. ", "Treguesit u ndanë me ekipet partnere më {date}. ", ""])

    static let tr = Templates(
        incidents: ["oltalama kampanyası", "sahte CEO dolandırıcılığı", "fidye yazılımı saldırısı", "DDoS saldırısı", "hesap ele geçirme", "yatırım dolandırıcılığı"],
        openings: [
            "{date} tarihinde USOM'a {incident} ile ilgili bir bildirim ({ticket}) ulaştı. ",
            "{ticket} numaralı vaka {ts} tarihinde açıldı: {incident}. ",
            "{incident} olayına ilişkin {ticket} sayılı rapor {date} tarihinde Siber Suçlarla Mücadele birimine iletildi. ",
        ],
        body: [
            "Kart numarası ekstrede kısmen maskelenmişti ({masked}, son kullanma {exp}). ",
            "Tarama {ipv4}:{port} adresinden, {ipv4}/24 ({asn}) bloğundan yapıldı. ",
            "GSM: {phoneC}; Tel/Faks: {phoneC}. ",
            "Kendini {gname} olarak tanıtan kişi bankayı {phone} numarasından aradı. ",
            "{gname} isimli şahıs adına açılan hesaba {amount} TL yatırıldı. ",
            "Mağdur {gname}, {email} adresinden hesap bilgilerini doğrulamasını isteyen bir e-posta aldı. ",
            "Adı Soyadı: {name}, T.C. Kimlik No: {tckn}, Cep: {phoneC}. ",
            "Sahte sayfa {url} adresinde barındırılıyordu; {domain} alan adı {date} tarihinde kaydedilmiş. ",
            "Para {iban} numaralı hesaba {amount} TL olarak iki taksitte aktarıldı. ",
            "{card} numaralı karttan saat {time} sularında {amount} TL çekildi. ",
            "Saldırgan fidye ödemesini {wallet} adresine istedi. ",
            "{file} dosyası (SHA-256: {sha256}) {cve} zafiyetini istismar ediyor. ",
            "Trafik {ipv4} ({asn}) adresinden {port} numaralı porta ve {ipv6} adresinden geldi. ",
            "Şikayetçi Bay {nameM}, {phone} numaralı telefondan aradı. ",
            "Şüpheli {name} İstanbul'da gözaltına alındı. ",
            "Şüpheli {name} Ankara'da yakalandı; üzerinden {n} SIM kart çıktı. ",
            "Bayan {nameF} ile {email} üzerinden iletişime geçildi. ",
            "Şüpheli {name}, {email} adresini ve {phone} numarasını kullandı. ",
            "Banka kayıtlarına göre hesap sahibi {gname}, T.C. Kimlik No {tckn}. ",
            "{ipv4} adresli sunucu ayrıca {url} sayfasını da barındırıyordu. ",
            "Mağdur, kendini banka görevlisi olarak tanıtan bir kişi tarafından {phone} numarasından arandı. ",
            "Başvuru sahibi: {name}, e-posta: {email}. ",
            "İkinci bir cüzdan, {wallet}, {n} ödeme aldı. ",
            "Özet değerleri: MD5 {md5}, SHA-1 {sha1}. ",
            "Hesaba {ts} tarihinde {ipv6} adresinden giriş yapıldı. ",
            "Sunucuda bilinen {cve} zafiyetine sahip {version} sürümü tespit edildi. ",
        ],
        closings: ["Dosya {ticket} numarasıyla emniyete iletildi. ", "Göstergeler {date} tarihinde paydaş ekiplerle paylaşıldı. ", ""])

    static let mk = Templates(
        incidents: ["фишинг кампања", "измама со лажен директор", "рансомвер напад", "DDoS напад", "компромитирање на сметка"],
        openings: [
            "На {date} MKD-CIRT доби пријава ({ticket}) за {incident} насочен кон клиенти на банка. ",
            "Предмет {ticket}, отворен на {ts}: {incident}. ",
        ],
        body: [
            "Бројот на картичката беше делумно маскиран ({masked}, важи до {exp}). ",
            "Скенирањето доаѓаше од {ipv4}:{port}, од опсегот {ipv4}/24 ({asn}). ",
            "Моб.: {phoneC}; Тел/факс: {phoneC}. ",
            "Лицето што се претстави како {gname} ја повика банката од бројот {phone}. ",
            "Оштетениот {gname} доби порака од адресата {email} со барање за потврда на податоците. ",
            "Име и презиме: {name}, ЕМБГ: {jmbg}, телефон: {phoneC}. ",
            "Лажната страница беше на {url}, а доменот {domain} е регистриран на {date}. ",
            "Парите се уплатени на сметка {iban} во две рати од по {amount} денари. ",
            "Од платежната картичка {card} се подигнати {amount} денари во {time} часот. ",
            "Напаѓачот побара откуп на адресата {wallet}. ",
            "Датотеката {file} (SHA-256: {sha256}) ја искористува ранливоста {cve}. ",
            "Сообраќајот доаѓаше од IP {ipv4} ({asn}), порта {port}, и од {ipv6}. ",
            "Пријавата ја поднесе г-дин {nameM}, контакт телефон {phoneC}. ",
            "Г-ѓа {nameF} не контактираше од адресата {email}. ",
            "Осомничениот {name} ја користел адресата {email} и бројот {phone}. ",
            "Според банката, сопственик на сметката е {gname}, ЕМБГ {jmbg}. ",
            "Серверот {ipv4} ја хостираше и страницата {url}. ",
            "Оштетената беше повикана од бројот {phone} од лице што се претстави како банкарски службеник. ",
            "Подносител на пријавата: {name}, е-пошта {email}. ",
            "Хеш вредности: MD5 {md5}, SHA-1 {sha1}. ",
        ],
        closings: ["Предметот е проследен до полицијата под број {ticket}. ", ""])

    static let bs = Templates(
        incidents: ["phishing kampanji", "prevari s lažnim direktorom", "ransomware napadu", "DDoS napadu", "kompromitovanju računa"],
        openings: [
            "Dana {date} CERT je zaprimio prijavu ({ticket}) o {incident} usmjerenoj na klijente banke. ",
            "Predmet {ticket}, otvoren {ts}: prijava o {incident}. ",
        ],
        body: [
            "Broj kartice je djelimično maskiran ({masked}, vrijedi do {exp}). ",
            "Skeniranje je dolazilo s {ipv4}:{port}, iz opsega {ipv4}/24 ({asn}). ",
            "Mob.: {phoneC}; Tel/Fax: {phoneC}. ",
            "Osoba koja se predstavila kao {gname} nazvala je banku s broja {phone}. ",
            "Oštećeni {gname} je primio poruku s adrese {email} u kojoj se traži potvrda podataka. ",
            "Ime i prezime: {name}, JMB: {jmbg}, telefon: {phoneC}. ",
            "Lažna stranica se nalazila na {url}, a domena {domain} je registrovana {date}. ",
            "Novac je uplaćen na račun {iban} u dvije rate od po {amount} KM. ",
            "Sa kartice {card} podignuto je {amount} KM u {time} sati. ",
            "Napadač je tražio otkupninu na adresu {wallet}. ",
            "Zlonamjerni fajl {file} (SHA-256: {sha256}) koristi ranjivost {cve}. ",
            "Promet je dolazio s IP adrese {ipv4} ({asn}), port {port}, te s {ipv6}. ",
            "Prijavu je podnio gospodin {nameM}, kontakt telefon {phoneC}. ",
            "Osumnjičeni {name} je koristio adresu {email} i broj {phone}. ",
            "Kontakt osoba u banci je {gname}, e-mail {email}. ",
            "Oštećena je pozvana s broja {phone} od osobe koja se predstavila kao bankovni službenik. ",
            "Podnosilac prijave: {name}, e-mail {email}. ",
            "Prema podacima banke, vlasnik računa je {gname}, JMB {jmbg}. ",
            "Server {ipv4} je hostovao i stranicu {url}. ",
            "Hash vrijednosti: MD5 {md5}, SHA-1 {sha1}. ",
        ],
        closings: ["Predmet je proslijeđen policiji pod brojem {ticket}. ", ""])
}
