package org.medoc.ui.release;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import org.medoc.release.model.CatalogFormat;
import org.medoc.release.release.DraftStart;
import org.medoc.release.release.ReleaseService;

import java.util.function.Consumer;

/**
 * Starts a new draft release: collection code (a new code opens a new collection), its title, the columns of its
 * catalogue and the version, bound to a {@link Request}; the draft's title follows from them ({@link DraftStart}).
 */
class NewDraftDialog extends Dialog {

    final TextField collection = new TextField("Collection code (e.g. spice, dem-maps)");
    final TextField collectionTitle = new TextField("Collection title (for a new collection)");
    final ComboBox<CatalogFormat> format = new ComboBox<>("catalog.csv columns", CatalogFormat.values());
    final TextField version = new TextField("Version (e.g. 2.0)");
    final Button create = new Button("Create draft");

    private final Binder<Request> binder = new Binder<>();
    private final Request request = new Request();

    NewDraftDialog(Consumer<ReleaseService.NewDraft> onCreate) {
        setId("new-draft-dialog");
        setHeaderTitle("New draft release");
        collection.setId("new-collection");
        collectionTitle.setId("new-collection-title");
        format.setId("new-catalog-format");
        version.setId("new-version-number");
        create.setId("create-draft");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        binder.forField(collection).asRequired("Give the collection code").bind(Request::getCollection, Request::setCollection);
        binder.forField(collectionTitle).bind(Request::getCollectionTitle, Request::setCollectionTitle);
        binder.forField(format).asRequired("Choose the catalogue columns").bind(Request::getFormat, Request::setFormat);
        binder.forField(version).asRequired("Give the version").bind(Request::getVersion, Request::setVersion);
        binder.readBean(request);
        create.addClickListener(click -> {
            if (binder.writeBeanIfValid(request)) {
                close();
                onCreate.accept(DraftStart.of(request.getCollection(), request.getCollectionTitle(), request.getFormat(), request.getVersion()));
            }
        });
        add(new VerticalLayout(collection, collectionTitle, format, version));
        getFooter().add(new Button("Cancel", click -> close()), create);
    }

    /** The dialog's bean: what the release manager asks for. */
    static final class Request {
        private String collection = "";
        private String collectionTitle = "";
        private CatalogFormat format = CatalogFormat.GENERIC;
        private String version = "";

        String getCollection() { return collection; }
        void setCollection(String collection) { this.collection = collection; }
        String getCollectionTitle() { return collectionTitle; }
        void setCollectionTitle(String collectionTitle) { this.collectionTitle = collectionTitle; }
        CatalogFormat getFormat() { return format; }
        void setFormat(CatalogFormat format) { this.format = format; }
        String getVersion() { return version; }
        void setVersion(String version) { this.version = version; }
    }
}
