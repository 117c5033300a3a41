package org.tongxin.library.internal;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.library.internal.Catalogue.TitleDraft;
import org.tongxin.library.internal.Copies.Copy;
import org.tongxin.library.internal.Rooms.Room;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;

/**
 * The catalogue and the rooms, as officers keep them. The catalogue is one for the whole enterprise: any officer
 * who runs a reading room (or the committee) adds and corrects titles; copies and rooms are kept by the officers
 * of the unit running the room (and those above).
 */
@Service
public class CatalogueService {

    /** Most copies added in one go. */
    public static final int MAX_COPIES_AT_ONCE = 50;

    private final Catalogue catalogue;
    private final Rooms rooms;
    private final Copies copies;
    private final Circulation circulation;
    private final OrgDirectory org;
    private final AuditTrail audit;

    CatalogueService(Catalogue catalogue, Rooms rooms, Copies copies, Circulation circulation, OrgDirectory org,
                     AuditTrail audit) {
        this.catalogue = catalogue;
        this.rooms = rooms;
        this.copies = copies;
        this.circulation = circulation;
        this.org = org;
        this.audit = audit;
    }

    /**
     * Checks and normalises a title as entered: the ISBN (10 or 13, converted to 13) valid and not already
     * catalogued under another title, the title present, the year plausible, the category existing.
     *
     * @return the draft with its ISBN-13, or a {@link Refusal} naming the first problem
     */
    public TitleDraft checked(TitleDraft d, Long exceptTitleId) {
        String isbn = null;
        if (d.isbn13() != null && !d.isbn13().isBlank()) {
            isbn = Isbn.toIsbn13(d.isbn13()).orElseThrow(() -> new Refusal("library.error.badIsbn"));
            String found = isbn;
            catalogue.byIsbn(found).filter(t -> exceptTitleId == null || t.id() != exceptTitleId).ifPresent(t -> {
                throw new Refusal("library.error.isbnTaken");
            });
        }
        String title = d.title() == null ? "" : d.title().strip();
        if (title.isEmpty() || title.length() > 200) {
            throw new Refusal("library.error.titleRequired");
        }
        if (d.pubYear() != null && (d.pubYear() < 1800 || d.pubYear() > Year.now().getValue() + 1)) {
            throw new Refusal("library.error.badYear");
        }
        if (catalogue.categories().stream().noneMatch(c -> c.id() == d.categoryId())) {
            throw new Refusal("library.error.noSuchCategory");
        }
        return new TitleDraft(isbn, title, strip(d.authors(), 300), strip(d.publisher(), 100), d.pubYear(),
                d.categoryId(), strip(d.summary(), 4000));
    }

    @Transactional
    public long addTitle(Viewer officer, TitleDraft draft, String coverKey) {
        requireCataloguer(officer);
        TitleDraft d = checked(draft, null);
        long id = catalogue.insert(d, coverKey, officer.accountId());
        audit.record(officer, "library.title.add", "library_title", id, null, d.title(), Map.of(),
                Map.of("isbn13", String.valueOf(d.isbn13())));
        return id;
    }

    @Transactional
    public void updateTitle(Viewer officer, long id, TitleDraft draft) {
        requireCataloguer(officer);
        Catalogue.Title before = catalogue.find(id).orElseThrow(() -> new NotFoundException("title " + id));
        TitleDraft d = checked(draft, id);
        catalogue.update(id, d);
        audit.record(officer, "library.title.update", "library_title", id, null, d.title(),
                Map.of("title", before.title(), "isbn13", String.valueOf(before.isbn13())),
                Map.of("title", d.title(), "isbn13", String.valueOf(d.isbn13())));
    }

    @Transactional
    public void setCover(Viewer officer, long id, String coverKey) {
        requireCataloguer(officer);
        catalogue.find(id).orElseThrow(() -> new NotFoundException("title " + id));
        catalogue.setCover(id, coverKey);
    }

    /** Adds copies of a title to a room the officer runs; each may go straight to someone waiting for it. */
    @Transactional
    public List<Copy> addCopies(Viewer officer, long titleId, long roomId, int count) {
        Room room = circulation.managedRoom(officer, roomId);
        Catalogue.Title title = catalogue.find(titleId).orElseThrow(() -> new NotFoundException("title " + titleId));
        if (count < 1 || count > MAX_COPIES_AT_ONCE) {
            throw new Refusal("library.error.copyCount");
        }
        List<Copy> added = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Copy c = copies.insert(titleId, roomId, officer.accountId());
            circulation.offerNewCopy(c.id());
            added.add(c);
        }
        audit.record(officer, "library.copies.add", "library_title", titleId, room.unitId(), title.title(), Map.of(),
                Map.of("room", room.name(), "barcodes", added.stream().map(Copy::barcode).toList()));
        return added;
    }

    /** Opens a reading room run by a unit the officer manages. */
    @Transactional
    public long addRoom(Viewer officer, String name, long unitId, String site, String hours) {
        OrgUnit unit = org.managedUnit(officer, unitId);
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 100) {
            throw new Refusal("library.error.roomNameRequired");
        }
        if (rooms.nameTaken(n, null)) {
            throw new Refusal("library.error.roomNameTaken");
        }
        long id = rooms.insert(n, unit.id(), strip(site, 200), strip(hours, 200));
        audit.record(officer, "library.room.add", "library_room", id, unit.id(), n, Map.of(), Map.of("unit", unit.name()));
        return id;
    }

    @Transactional
    public void updateRoom(Viewer officer, long roomId, String name, String site, String hours) {
        Room room = circulation.managedRoom(officer, roomId);
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 100) {
            throw new Refusal("library.error.roomNameRequired");
        }
        if (rooms.nameTaken(n, roomId)) {
            throw new Refusal("library.error.roomNameTaken");
        }
        rooms.update(roomId, n, strip(site, 200), strip(hours, 200));
        audit.record(officer, "library.room.update", "library_room", roomId, room.unitId(), n,
                Map.of("name", room.name(), "site", room.site(), "hours", room.hours()),
                Map.of("name", n, "site", strip(site, 200), "hours", strip(hours, 200)));
    }

    /** Rooms the officer runs (the committee: all of them). */
    public List<Room> managedRooms(Viewer officer) {
        return org.manageableUnitIds(officer).map(ids -> rooms.ofUnits(ids)).orElseGet(rooms::all);
    }

    /** The committee and every officer running a reading room may catalogue. */
    public boolean mayCatalogue(Viewer viewer) {
        return viewer.has(Role.COMMITTEE) || viewer.isOfficerOrAbove() && !managedRooms(viewer).isEmpty();
    }

    private void requireCataloguer(Viewer officer) {
        if (!mayCatalogue(officer)) {
            throw new NotFoundException("catalogue");
        }
    }

    private static String strip(String s, int max) {
        String t = s == null ? "" : s.strip();
        if (t.length() > max) {
            throw new Refusal("library.error.tooLong");
        }
        return t;
    }
}
