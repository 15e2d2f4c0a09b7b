package io.firstcontact.router.account.demo;

import io.firstcontact.router.api.account.Account;
import io.firstcontact.router.api.account.Address;
import io.firstcontact.router.api.account.AlertSubscription;
import io.firstcontact.router.api.account.CouncilTaxAccount;
import io.firstcontact.router.api.account.CouncilTaxAccount.Billing;
import io.firstcontact.router.api.account.CouncilTaxAccount.PaymentMethod;
import io.firstcontact.router.api.account.OnlineAccount;
import io.firstcontact.router.api.account.Pcn;
import io.firstcontact.router.api.account.RecentContact;
import io.firstcontact.router.api.account.ServiceRequest;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes the demo residents: a few thousand clearly fictional residents of a London borough, keyed by property.
 * Deterministic for its seed, so the shipped file can be checked against it and regenerated on purpose.
 *
 * <p>The borough has streets of houses, blocks of flats (each flat its own UPRN) and shared houses (one UPRN, several
 * households, the landlord liable for council tax); landlords own several properties; some residents moved within
 * the borough and keep the closed council-tax account of their old address. Telephone numbers are Ofcom's drama
 * numbers (020 7946 0xxx, 01632 960xxx, 07700 900xxx) and email addresses are at the reserved example domains, so
 * nobody real can be reached. Open cases and recent contacts name the demo centre's advisors ({@code adv-01} to
 * {@code adv-24}), so routing on the citizen's account can be seen in the demo.
 */
final class ResidentsGenerator {
    static final long SEED = 20_261_207L;
    /** A Monday: the file's dates are relative to it. */
    static final LocalDate AS_OF = LocalDate.of(2026, 12, 7);

    static final int ADVISORS = 24;

    private static final String[] FEMALE = {
        "Amira", "Priya", "Grace", "Olivia", "Fatima", "Chloe", "Aisha", "Sophie", "Zainab", "Emily", "Hannah", "Niamh",
        "Leah", "Ruth", "Kavita", "Joanna", "Margaret", "Yasmin", "Ewa", "Maria", "Ana", "Deborah", "Chiamaka", "Sarah",
        "Rebecca", "Lakshmi", "Imogen", "Rosa", "Ayesha", "Helen", "Neha", "Bethany", "Mei", "Irina", "Tamsin", "Gloria"
    };
    private static final String[] MALE = {
        "James",
        "Mohammed",
        "Oliver",
        "Rajesh",
        "Daniel",
        "Tomasz",
        "Kwame",
        "Samuel",
        "Arjun",
        "George",
        "Ibrahim",
        "Liam",
        "Patrick",
        "David",
        "Vikram",
        "Michael",
        "Yusuf",
        "Andrei",
        "Chidi",
        "Harry",
        "Nikhil",
        "Connor",
        "Edward",
        "Joseph",
        "Ravi",
        "Marek",
        "Thomas",
        "Hamza",
        "Peter",
        "Dev",
        "Luca",
        "Kofi",
        "Stephen",
        "Ali"
    };
    private static final String[] SURNAMES = {
        "Okafor",
        "Patel",
        "Shah",
        "Smith",
        "Khan",
        "Jones",
        "Williams",
        "Brown",
        "Nowak",
        "Mensah",
        "Taylor",
        "Ahmed",
        "Hussain",
        "Davies",
        "Kowalski",
        "Evans",
        "Thomas",
        "Begum",
        "Singh",
        "Wilson",
        "Adeyemi",
        "Roberts",
        "Murphy",
        "O'Brien",
        "Campbell",
        "Mistry",
        "Varsani",
        "Hall",
        "Wright",
        "Green",
        "Popescu",
        "Ali",
        "Clarke",
        "Kaur",
        "Johnson",
        "Lewis",
        "Walker",
        "Osei",
        "Rahman",
        "Robinson",
        "Thompson",
        "White",
        "Edwards",
        "Hughes",
        "Bhatt",
        "Wood",
        "Harris",
        "Martin",
        "Jackson",
        "Chauhan",
        "Morgan",
        "Kelly",
        "Fernandes",
        "Costa",
        "Ionescu",
        "Chen",
        "Wong",
        "Mahmood",
        "Iqbal",
        "Parmar",
        "Baker",
        "Turner",
        "Cooper",
        "Hill",
        "Ward",
        "Moore",
        "Mitchell",
        "Asante",
        "Gill",
        "Dhillon",
        "Rossi",
        "Silva",
        "Nkemelu",
        "Obi",
        "Santos",
        "Lee",
        "Young",
        "King",
        "Scott",
        "Foster"
    };
    private static final String[] STREET_NAMES = {
        "Hawthorn",
        "Kestrel",
        "Alder",
        "Bramble",
        "Cedar",
        "Damson",
        "Elderberry",
        "Fennel",
        "Foxglove",
        "Heron",
        "Juniper",
        "Lapwing",
        "Linnet",
        "Maple",
        "Medlar",
        "Osier",
        "Plover",
        "Quince",
        "Rowan",
        "Sorrel",
        "Teasel",
        "Wren",
        "Yarrow",
        "Larkspur",
        "Kingfisher",
        "Mulberry",
        "Nightingale",
        "Oriel",
        "Pipit",
        "Redwing",
        "Sedge",
        "Tamarisk",
        "Valerian",
        "Whitebeam",
        "Aspen",
        "Blackthorn",
        "Coltsfoot",
        "Dunnock",
        "Eglantine",
        "Fieldfare",
        "Goldcrest",
        "Hornbeam",
        "Ivybridge",
        "Jessamine",
        "Knapweed",
        "Lupin",
        "Marjoram",
        "Nuthatch",
        "Orchard",
        "Primrose",
        "Redstart",
        "Siskin",
        "Thistle",
        "Verbena",
        "Wagtail",
        "Bittern",
        "Campion",
        "Dogwood"
    };
    private static final String[] STREET_KINDS = {
        "Road", "Avenue", "Close", "Gardens", "Crescent", "Way", "Drive", "Lane", "Rise", "Grove"
    };

    /** A district of the borough and its postcode district. */
    private record District(String name, String outward) {}

    private static final District[] DISTRICTS = {
        new District("Harrow", "HA1"),
        new District("Greenhill", "HA1"),
        new District("South Harrow", "HA2"),
        new District("Rayners Lane", "HA2"),
        new District("Kenton", "HA3"),
        new District("Wealdstone", "HA3"),
        new District("Harrow Weald", "HA3"),
        new District("Pinner", "HA5"),
        new District("Stanmore", "HA7"),
        new District("Edgware", "HA8")
    };

    /** A property: its UPRN and address, and who lives there. */
    private static final class Property {
        final String uprn;
        final Address address;
        final boolean shared;
        final List<List<Person>> households = new ArrayList<>();

        Property(String uprn, Address address, boolean shared) {
            this.uprn = uprn;
            this.address = address;
            this.shared = shared;
        }
    }

    /** A resident while being built. */
    private static final class Person {
        final String customerRef;
        final String name;
        final String first;
        final String last;
        Property home;
        Property previousHome;
        String phone;
        String email;
        String vehicle;
        boolean landlord;
        final List<CouncilTaxAccount> councilTax = new ArrayList<>();

        Person(String customerRef, String title, String first, String last) {
            this.customerRef = customerRef;
            this.first = first;
            this.last = last;
            this.name = title + " " + first + " " + last;
        }
    }

    private final SplittableRandom random = new SplittableRandom(SEED);
    private final List<Property> properties = new ArrayList<>();
    private final List<Person> people = new ArrayList<>();
    private final Set<String> used = new HashSet<>();
    private final List<String> mobiles = numbers("+447700900", 1000);
    private final List<String> landlines = concat(numbers("+442079460", 1000), numbers("+441632960", 1000));
    private int nextUprn = 1;
    private int nextCustomer = 1;

    static ResidentsFile generate() {
        return new ResidentsGenerator().build();
    }

    private ResidentsFile build() {
        streets();
        households();
        landlords();
        moves();
        contactDetails();
        List<Account> accounts = new ArrayList<>(people.size());
        for (Person p : people) {
            accounts.add(account(p));
        }
        return new ResidentsFile(AS_OF, accounts);
    }

    // ------------------------------------------------------------------ the borough

    private void streets() {
        for (String name : STREET_NAMES) {
            District d = DISTRICTS[random.nextInt(DISTRICTS.length)];
            String street = name + " " + STREET_KINDS[random.nextInt(STREET_KINDS.length)];
            String postcode = d.outward() + " " + (1 + random.nextInt(9)) + letter() + letter();
            int houses = 10 + random.nextInt(18);
            for (int n = 1; n <= houses; n++) {
                if (random.nextInt(16) == 0) { // a block of flats at this number
                    String block = name + " Court";
                    int flats = 6 + random.nextInt(10);
                    for (int f = 1; f <= flats; f++) {
                        properties.add(new Property(
                                uprn(),
                                new Address(List.of("Flat " + f, block, n + " " + street, d.name()), postcode),
                                false));
                    }
                } else {
                    boolean shared = random.nextInt(16) == 0;
                    properties.add(
                            new Property(uprn(), new Address(List.of(n + " " + street, d.name()), postcode), shared));
                }
            }
        }
    }

    private void households() {
        for (Property p : properties) {
            int count = p.shared ? 2 + random.nextInt(3) : 1;
            for (int h = 0; h < count; h++) {
                String surname = pick(SURNAMES);
                int adults = p.shared ? 1 + random.nextInt(2) : weighted(new int[] {40, 45, 15}) + 1;
                List<Person> household = new ArrayList<>();
                for (int a = 0; a < adults; a++) {
                    Person person =
                            person(a == 1 && random.nextInt(3) > 0 ? surname : a == 0 ? surname : pick(SURNAMES));
                    person.home = p;
                    household.add(person);
                }
                p.households.add(household);
                if (!p.shared) {
                    liable(household.getFirst(), p);
                }
            }
        }
    }

    /** Landlords: residents who own shared houses, liable for their council tax. */
    private void landlords() {
        List<Property> shared = properties.stream().filter(p -> p.shared).toList();
        List<Person> candidates = people.stream()
                .filter(p -> !p.home.shared && !p.councilTax.isEmpty())
                .toList();
        int landlordCount = Math.max(1, shared.size() / 3);
        List<Person> landlords = new ArrayList<>();
        while (landlords.size() < landlordCount) {
            Person l = candidates.get(random.nextInt(candidates.size()));
            if (!l.landlord) {
                l.landlord = true;
                landlords.add(l);
            }
        }
        for (int i = 0; i < shared.size(); i++) {
            Property p = shared.get(i);
            Person l = landlords.get(i % landlords.size());
            liable(l, p);
        }
    }

    /** Some liable residents moved within the borough: the account of their old home is closed, its final bill due. */
    private void moves() {
        List<Person> liable = people.stream()
                .filter(p -> !p.landlord && !p.home.shared && !p.councilTax.isEmpty())
                .toList();
        int moved = liable.size() / 25;
        Set<Person> done = new HashSet<>();
        while (done.size() < moved) {
            Person p = liable.get(random.nextInt(liable.size()));
            Property old = properties.get(random.nextInt(properties.size()));
            if (done.contains(p) || old == p.home || old.shared) {
                continue;
            }
            done.add(p);
            p.previousHome = old;
            LocalDate closed = AS_OF.minusDays(20 + random.nextInt(400));
            long finalBill = random.nextInt(3) == 0 ? 5_000 + random.nextInt(40_000) : 0;
            p.councilTax.add(new CouncilTaxAccount(
                    ctaxRef(), old.uprn, finalBill, Billing.PAPER, PaymentMethod.DIRECT_DEBIT, closed));
        }
    }

    private void contactDetails() {
        for (Property p : properties) {
            for (List<Person> household : p.households) {
                String landline = random.nextInt(10) < 4 && !landlines.isEmpty() ? take(landlines) : null;
                for (Person person : household) {
                    if (random.nextInt(10) < 4 && !mobiles.isEmpty()) {
                        person.phone = take(mobiles);
                    } else {
                        person.phone = landline;
                    }
                    if (random.nextInt(10) < 6) {
                        person.email = email(person);
                    }
                    if (random.nextInt(2) == 0) {
                        person.vehicle = registration();
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ one resident's account

    private Account account(Person p) {
        boolean online = random.nextInt(10) < 6 || p.landlord;
        List<CouncilTaxAccount> ctax = new ArrayList<>();
        for (CouncilTaxAccount c : p.councilTax) { // the billing follows the online account
            Billing billing = online && c.live() && random.nextInt(10) < 7 ? Billing.E_BILLING : Billing.PAPER;
            ctax.add(new CouncilTaxAccount(
                    c.reference(), c.uprn(), c.balancePence(), billing, c.paymentMethod(), c.closedOn()));
        }
        ctax.sort((x, y) -> Boolean.compare(y.live(), x.live()));
        List<Pcn> pcns = pcns(p);
        List<String> services = new ArrayList<>();
        if (online) {
            if (!ctax.isEmpty()) {
                services.add("council-tax-online");
            }
            if (ctax.stream().anyMatch(c -> c.billing() == Billing.E_BILLING)) {
                services.add("e-billing");
            }
            for (String s : new String[] {"report-it", "bin-day-alerts", "garden-waste", "parking-permits"}) {
                if (random.nextInt(10) < 3) {
                    services.add(s);
                }
            }
            if (!pcns.isEmpty() && random.nextInt(2) == 0) {
                services.add("pcn-online-payment");
            }
            if (p.landlord) {
                services.add("landlord-account");
            }
        }
        LocalDate registeredOn = online ? AS_OF.minusDays(30 + random.nextInt(2_200)) : null;
        return new Account(
                p.customerRef,
                p.home.uprn,
                p.name,
                p.home.address,
                p.phone,
                p.email,
                ctax,
                pcns,
                requests(p),
                new OnlineAccount(online, registeredOn, services),
                alerts(p, online),
                contacts(p));
    }

    private List<Pcn> pcns(Person p) {
        List<Pcn> pcns = new ArrayList<>();
        if (p.vehicle == null || random.nextInt(5) != 0) {
            return pcns;
        }
        int count = 1 + weighted(new int[] {70, 22, 8});
        for (int i = 0; i < count; i++) {
            LocalDate issued = AS_OF.minusDays(1 + random.nextInt(i == 0 ? 60 : 500));
            long full = random.nextInt(3) == 0 ? 8_000 : 13_000;
            long ageDays = AS_OF.toEpochDay() - issued.toEpochDay();
            Pcn.Status status = ageDays < 30
                    ? (random.nextInt(5) == 0 ? Pcn.Status.APPEALED : Pcn.Status.OPEN)
                    : Pcn.Status.values()[weighted(new int[] {10, 75, 10, 5})];
            long due = switch (status) {
                case OPEN -> ageDays <= 14 ? full / 2 : full; // half if paid within 14 days
                case APPEALED -> full;
                case PAID, CANCELLED -> 0;
            };
            pcns.add(new Pcn(unique("HW" + digits(8)), p.vehicle, due, status, issued));
        }
        pcns.sort((x, y) -> y.issuedOn().compareTo(x.issuedOn()));
        return pcns;
    }

    /** An open case: its type, status, next step and the team whose advisors own such cases. */
    private record CaseKind(
            String type,
            ServiceRequest.Status status,
            String nextStep,
            DayOfWeek day,
            int firstAdvisor,
            int lastAdvisor) {}

    private static final CaseKind[] CASES = {
        new CaseKind(
                "missed-bin",
                ServiceRequest.Status.SCHEDULED,
                "Return collection booked for Thursday",
                DayOfWeek.THURSDAY,
                8,
                12),
        new CaseKind(
                "bulky-waste",
                ServiceRequest.Status.SCHEDULED,
                "Collection of three items booked for Tuesday",
                DayOfWeek.TUESDAY,
                8,
                12),
        new CaseKind(
                "fly-tipping",
                ServiceRequest.Status.IN_PROGRESS,
                "Street cleansing crew to clear it by Wednesday",
                DayOfWeek.WEDNESDAY,
                8,
                12),
        new CaseKind("graffiti", ServiceRequest.Status.RECEIVED, "Inspection by Friday", DayOfWeek.FRIDAY, 17, 20),
        new CaseKind(
                "street-lighting",
                ServiceRequest.Status.IN_PROGRESS,
                "Engineer visit on Monday",
                DayOfWeek.MONDAY,
                17,
                20),
        new CaseKind(
                "road-defect",
                ServiceRequest.Status.RECEIVED,
                "Highways inspection by Friday",
                DayOfWeek.FRIDAY,
                17,
                20),
        new CaseKind(
                "housing-repair",
                ServiceRequest.Status.SCHEDULED,
                "Repair visit (damp and mould) booked for Monday morning",
                DayOfWeek.MONDAY,
                13,
                16),
        new CaseKind(
                "council-tax-discount",
                ServiceRequest.Status.IN_PROGRESS,
                "Single person discount under review; decision by Friday",
                DayOfWeek.FRIDAY,
                1,
                7),
        new CaseKind(
                "benefits-change",
                ServiceRequest.Status.AWAITING_CUSTOMER,
                "Waiting for proof of income, due Wednesday",
                DayOfWeek.WEDNESDAY,
                1,
                7),
        new CaseKind(
                "garden-waste",
                ServiceRequest.Status.AWAITING_CUSTOMER,
                "Awaiting payment for the garden waste subscription by Friday",
                DayOfWeek.FRIDAY,
                21,
                24)
    };

    private List<ServiceRequest> requests(Person p) {
        List<ServiceRequest> requests = new ArrayList<>();
        if (random.nextInt(100) >= 12) {
            return requests;
        }
        int count = 1 + (random.nextInt(5) == 0 ? 1 : 0);
        for (int i = 0; i < count; i++) {
            CaseKind k = CASES[random.nextInt(CASES.length)];
            LocalDate opened = AS_OF.minusDays(1 + random.nextInt(30));
            // A week or two ahead of the file's day: still ahead whenever in the week the demo runs.
            LocalDate due = AS_OF.plusDays(6).with(TemporalAdjusters.next(k.day()));
            String owner = random.nextInt(100) < 40 ? advisor(k.firstAdvisor(), k.lastAdvisor()) : null;
            requests.add(new ServiceRequest(
                    unique("SR-" + digits(6)),
                    k.type(),
                    k.status(),
                    opened,
                    new ServiceRequest.NextStep(k.nextStep(), due),
                    owner));
        }
        requests.sort((x, y) -> y.openedOn().compareTo(x.openedOn()));
        return requests;
    }

    private List<AlertSubscription> alerts(Person p, boolean online) {
        List<AlertSubscription> alerts = new ArrayList<>();
        if (!online || random.nextInt(10) >= 5) {
            return alerts;
        }
        for (String topic : new String[] {"bin-day", "road-works", "council-tax-reminder", "local-deals"}) {
            if (random.nextInt(10) < 4) {
                boolean sms = p.phone != null && (p.email == null || random.nextInt(2) == 0);
                if (sms || p.email != null) {
                    alerts.add(new AlertSubscription(
                            topic, sms ? AlertSubscription.Channel.SMS : AlertSubscription.Channel.EMAIL));
                }
            }
        }
        return alerts;
    }

    /** What residents call about, the team that answers it, and how it may end. */
    private record Reason(String text, int firstAdvisor, int lastAdvisor, String... outcomes) {}

    private static final Reason[] REASONS = {
        new Reason("Council tax: payment arrangement", 1, 7, "resolved", "instalments changed"),
        new Reason("Council tax: bill query", 1, 7, "resolved", "signposted online"),
        new Reason("Benefits: change of circumstances", 1, 7, "service request raised", "referred to back office"),
        new Reason("Missed bin collection", 8, 12, "service request raised", "resolved"),
        new Reason("Bulky waste booking", 8, 12, "collection booked", "paid by card"),
        new Reason("PCN: payment", 8, 12, "paid by card", "signposted online"),
        new Reason("PCN: appeal", 8, 12, "appeal logged", "signposted online"),
        new Reason("Parking permit renewal", 8, 12, "resolved", "signposted online"),
        new Reason("Housing repair", 13, 16, "service request raised", "callback promised"),
        new Reason("Housing advice", 13, 16, "referred to back office", "callback promised"),
        new Reason("Street lighting fault", 17, 20, "service request raised"),
        new Reason("General enquiry", 17, 20, "resolved", "signposted online"),
        new Reason("MyHarrow account help", 21, 24, "resolved", "registered online")
    };

    private List<RecentContact> contacts(Person p) {
        List<RecentContact> contacts = new ArrayList<>();
        if (p.previousHome != null) {
            contacts.add(contact(
                    AS_OF.minusDays(1 + random.nextInt(60)),
                    "voice",
                    "Council tax: moving home",
                    "resolved",
                    advisor(1, 7)));
        }
        if (random.nextInt(100) < 45) {
            int count = 1 + weighted(new int[] {50, 25, 15, 10});
            for (int i = 0; i < count; i++) {
                Reason r = REASONS[random.nextInt(REASONS.length)];
                String channel = new String[] {
                            "voice", "voice", "voice", "voice", "voice", "chat", "email", "web", "web", "visit"
                        }
                        [random.nextInt(10)];
                boolean self = channel.equals("web");
                String outcome = self ? "submitted online" : r.outcomes()[random.nextInt(r.outcomes().length)];
                LocalDate day = AS_OF.minusDays(1 + random.nextInt(i == 0 ? 14 : 90)); // before the file's day
                contacts.add(contact(
                        day, channel, r.text(), outcome, self ? null : advisor(r.firstAdvisor(), r.lastAdvisor())));
            }
        }
        contacts.sort((x, y) -> y.at().compareTo(x.at()));
        return contacts;
    }

    private RecentContact contact(LocalDate day, String channel, String reason, String outcome, String advisor) {
        // Opening hours, 08:30–17:30 London time (UTC in December).
        Instant at = day.atTime(8, 30).plusMinutes(random.nextInt(9 * 60)).toInstant(ZoneOffset.UTC);
        return new RecentContact(at, channel, reason, outcome, advisor);
    }

    // ------------------------------------------------------------------ pieces

    private Person person(String surname) {
        boolean female = random.nextBoolean();
        String first = female ? pick(FEMALE) : pick(MALE);
        String title =
                random.nextInt(12) == 0 ? "Dr" : female ? new String[] {"Mrs", "Ms", "Miss"}[random.nextInt(3)] : "Mr";
        Person p = new Person(String.format("C-%06d", 100_000 + nextCustomer++), title, first, surname);
        people.add(p);
        return p;
    }

    private void liable(Person p, Property property) {
        long balance = switch (weighted(new int[] {60, 22, 12, 6})) {
            case 0 -> 0;
            case 1 -> 12_000 + random.nextInt(14_000); // this month's instalment
            case 2 -> 30_000 + random.nextInt(150_000); // arrears
            default -> -(1_000 + random.nextInt(14_000)); // in credit
        };
        PaymentMethod method = PaymentMethod.values()[weighted(new int[] {58, 14, 10, 8, 6, 4})];
        p.councilTax.add(new CouncilTaxAccount(ctaxRef(), property.uprn, balance, Billing.PAPER, method, null));
    }

    private String email(Person p) {
        String base = (p.first + "." + p.last).toLowerCase(Locale.ROOT).replace("'", "");
        String domain = new String[] {"example.org", "example.com", "example.net"}[random.nextInt(3)];
        String email = base + "@" + domain;
        int n = 2;
        while (!used.add(email)) {
            email = base + n++ + "@" + domain;
        }
        return email;
    }

    private String registration() {
        int year = random.nextBoolean() ? 10 + random.nextInt(16) : 60 + random.nextInt(16);
        return unique("" + letter() + letter() + year + letter() + letter() + letter());
    }

    private String uprn() {
        return String.valueOf(100_090_000_000L + nextUprn++ * 7L);
    }

    private String ctaxRef() {
        return unique("6" + digits(7));
    }

    private String advisor(int first, int last) {
        return String.format("adv-%02d", first + random.nextInt(last - first + 1));
    }

    private String unique(String candidate) {
        String c = candidate;
        while (!used.add(c)) {
            c = candidate.substring(0, candidate.length() - 3) + digits(3);
        }
        return c;
    }

    private String digits(int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        return s.toString();
    }

    private char letter() {
        return "ABCDEFGHJKLMNPRSTUVWXY".charAt(random.nextInt(22));
    }

    private String pick(String[] names) {
        return names[random.nextInt(names.length)];
    }

    /** An index drawn with the given weights. */
    private int weighted(int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** {@code prefix} followed by {@code count} numbers, shuffled by the generator. */
    private List<String> numbers(String prefix, int count) {
        int digits = String.valueOf(count - 1).length();
        List<String> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(prefix + String.format("%0" + digits + "d", i));
        }
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            list.set(i, list.set(j, list.get(i)));
        }
        return list;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String take(List<String> pool) {
        return pool.removeLast();
    }
}
