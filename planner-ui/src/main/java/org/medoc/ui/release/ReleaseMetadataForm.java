package org.medoc.ui.release;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import org.medoc.release.model.ReleaseMetadata;
import org.medoc.release.model.ValidationProblem;
import org.medoc.ui.base.TextConverters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The DataCite metadata of a draft release, bound to a {@link Draft} by a {@link Binder}: list-valued properties are
 * edited as lines ({@link ReleaseForms}), a line that cannot be read is an error on its field, and the problems the
 * release service finds (JSON pointers such as {@code /creators/0/orcid}) are shown on the field they point into.
 */
class ReleaseMetadataForm extends VerticalLayout {

    final TextField title = new TextField("Title");
    final TextArea creators = new TextArea("Creators (one per line: Family, Given | ORCID | Affiliation | ROR, or org: Name)");
    final TextField publisher = new TextField("Publisher");
    final TextField publisherRor = new TextField("Publisher ROR");
    final IntegerField year = new IntegerField("Publication year (empty: year of publication)");
    final TextArea description = new TextArea("Description");
    final TextArea contents = new TextArea("What the pack contains");
    final TextField subjects = new TextField("Subjects / keywords (comma-separated)");
    final TextField licenseId = new TextField("Licence (SPDX id)");
    final TextField licenseUrl = new TextField("Licence URL");
    final TextArea funding = new TextArea("Funding (Funder | funder ROR | award number)");
    final TextArea related = new TextArea("Related identifiers (identifier | type | relation)");
    final TextArea acknowledgement = new TextArea("Acknowledgement");
    final Button save = new Button("Save metadata");

    private final Binder<Draft> binder = new Binder<>();
    /** The first segment of a metadata JSON pointer and the field that edits it (longest prefix first). */
    private final Map<String, HasValidation> fieldsByPointer = new LinkedHashMap<>();

    /** {@code onSave} receives the metadata when every field reads. */
    ReleaseMetadataForm(Consumer<ReleaseMetadata> onSave) {
        setPadding(false);
        for (var area : List.of(creators, description, contents, funding, related, acknowledgement)) {
            area.setWidthFull();
        }
        for (var field : List.of(title, subjects, publisher, licenseUrl)) {
            field.setWidthFull();
        }
        title.setId("metadata-title");
        creators.setId("metadata-creators");
        publisher.setId("metadata-publisher");
        publisherRor.setId("metadata-publisher-ror");
        year.setId("metadata-year");
        description.setId("metadata-description");
        contents.setId("metadata-contents");
        subjects.setId("metadata-subjects");
        licenseId.setId("metadata-license");
        licenseUrl.setId("metadata-license-url");
        funding.setId("metadata-funding");
        related.setId("metadata-related");
        acknowledgement.setId("metadata-acknowledgement");
        save.setId("save-metadata");

        binder.forField(title).withConverter(TextConverters.blankAsNull()).bind(Draft::getTitle, Draft::setTitle);
        binder.forField(creators).withConverter(TextConverters.parsed(ReleaseForms::creators, ReleaseForms::creators)).bind(Draft::getCreators, Draft::setCreators);
        binder.forField(publisher).withConverter(TextConverters.blankAsNull()).bind(Draft::getPublisher, Draft::setPublisher);
        binder.forField(publisherRor).withConverter(TextConverters.blankAsNull()).bind(Draft::getPublisherRor, Draft::setPublisherRor);
        binder.forField(year).bind(Draft::getYear, Draft::setYear);
        binder.forField(description).withConverter(TextConverters.blankAsNull()).bind(Draft::getDescription, Draft::setDescription);
        binder.forField(contents).withConverter(TextConverters.blankAsNull()).bind(Draft::getContents, Draft::setContents);
        binder.forField(subjects).withConverter(TextConverters.parsed(ReleaseForms::commaList, list -> String.join(", ", list)))
                .bind(Draft::getSubjects, Draft::setSubjects);
        binder.forField(licenseId).withConverter(TextConverters.blankAsNull()).bind(Draft::getLicenseId, Draft::setLicenseId);
        binder.forField(licenseUrl).withConverter(TextConverters.blankAsNull()).bind(Draft::getLicenseUrl, Draft::setLicenseUrl);
        binder.forField(funding).withConverter(TextConverters.parsed(ReleaseForms::funding, ReleaseForms::funding)).bind(Draft::getFunding, Draft::setFunding);
        binder.forField(related).withConverter(TextConverters.parsed(ReleaseForms::related, ReleaseForms::related)).bind(Draft::getRelated, Draft::setRelated);
        binder.forField(acknowledgement).withConverter(TextConverters.blankAsNull()).bind(Draft::getAcknowledgement, Draft::setAcknowledgement);

        fieldsByPointer.put("/title", title);
        fieldsByPointer.put("/creators", creators);
        fieldsByPointer.put("/publisher/rorId", publisherRor);
        fieldsByPointer.put("/publisher", publisher);
        fieldsByPointer.put("/publicationYear", year);
        fieldsByPointer.put("/description", description);
        fieldsByPointer.put("/subjects", subjects);
        fieldsByPointer.put("/license/uri", licenseUrl);
        fieldsByPointer.put("/license", licenseId);
        fieldsByPointer.put("/funding", funding);
        fieldsByPointer.put("/relatedIdentifiers", related);

        save.addClickListener(click -> {
            if (binder.validate().isOk()) {
                onSave.accept(binder.getBean().toMetadata());
            }
        });
        add(title, creators, new HorizontalLayout(publisher, publisherRor, year), description, contents, subjects,
                new HorizontalLayout(licenseId, licenseUrl), funding, related, acknowledgement, save);
        edit(ReleaseMetadata.empty(), false);
    }

    /** Shows a release's metadata, editable only in a draft. */
    void edit(ReleaseMetadata metadata, boolean editable) {
        binder.setBean(Draft.of(metadata));
        binder.setReadOnly(!editable);
        save.setEnabled(editable);
    }

    /**
     * Shows each problem of the release service on the field its pointer goes into ({@code /creators/1/orcid} on the
     * creators); problems elsewhere (the selection, the DataCite XML) stay in the validation report.
     */
    void showProblems(List<ValidationProblem> problems) {
        for (ValidationProblem problem : problems) {
            fieldsByPointer.entrySet().stream().filter(e -> problem.pointer() != null && problem.pointer().startsWith(e.getKey()))
                    .findFirst().ifPresent(e -> {
                        HasValidation field = e.getValue();
                        String before = field.isInvalid() && field.getErrorMessage() != null ? field.getErrorMessage() + "; " : "";
                        field.setErrorMessage(before + problem.message());
                        field.setInvalid(true);
                    });
        }
    }

    /** The form's bean: the metadata as the fields hold it (the dates are kept, not edited here). */
    static final class Draft {
        private String title;
        private List<ReleaseMetadata.Creator> creators;
        private String publisher;
        private String publisherRor;
        private Integer year;
        private String description;
        private String contents;
        private List<String> subjects;
        private String licenseId;
        private String licenseUrl;
        private List<ReleaseMetadata.Funding> funding;
        private List<ReleaseMetadata.RelatedIdentifier> related;
        private String acknowledgement;
        private List<ReleaseMetadata.DateEntry> dates;

        static Draft of(ReleaseMetadata m) {
            Draft d = new Draft();
            d.title = m.title();
            d.creators = m.creators();
            d.publisher = m.publisher() == null ? null : m.publisher().name();
            d.publisherRor = m.publisher() == null ? null : m.publisher().rorId();
            d.year = m.publicationYear();
            d.description = m.description();
            d.contents = m.contents();
            d.subjects = m.subjects();
            d.licenseId = m.license() == null ? null : m.license().identifier();
            d.licenseUrl = m.license() == null ? null : m.license().uri();
            d.funding = m.funding();
            d.related = m.relatedIdentifiers();
            d.acknowledgement = m.acknowledgement();
            d.dates = m.dates();
            return d;
        }

        ReleaseMetadata toMetadata() {
            return new ReleaseMetadata(title, creators, publisher == null ? null : new ReleaseMetadata.Publisher(publisher, publisherRor),
                    year, description, contents, subjects, licenseId == null ? null : new ReleaseMetadata.License(licenseId, null, licenseUrl),
                    funding, related, dates, acknowledgement);
        }

        String getTitle() { return title; }
        void setTitle(String title) { this.title = title; }
        List<ReleaseMetadata.Creator> getCreators() { return creators; }
        void setCreators(List<ReleaseMetadata.Creator> creators) { this.creators = creators; }
        String getPublisher() { return publisher; }
        void setPublisher(String publisher) { this.publisher = publisher; }
        String getPublisherRor() { return publisherRor; }
        void setPublisherRor(String publisherRor) { this.publisherRor = publisherRor; }
        Integer getYear() { return year; }
        void setYear(Integer year) { this.year = year; }
        String getDescription() { return description; }
        void setDescription(String description) { this.description = description; }
        String getContents() { return contents; }
        void setContents(String contents) { this.contents = contents; }
        List<String> getSubjects() { return subjects; }
        void setSubjects(List<String> subjects) { this.subjects = subjects; }
        String getLicenseId() { return licenseId; }
        void setLicenseId(String licenseId) { this.licenseId = licenseId; }
        String getLicenseUrl() { return licenseUrl; }
        void setLicenseUrl(String licenseUrl) { this.licenseUrl = licenseUrl; }
        List<ReleaseMetadata.Funding> getFunding() { return funding; }
        void setFunding(List<ReleaseMetadata.Funding> funding) { this.funding = funding; }
        List<ReleaseMetadata.RelatedIdentifier> getRelated() { return related; }
        void setRelated(List<ReleaseMetadata.RelatedIdentifier> related) { this.related = related; }
        String getAcknowledgement() { return acknowledgement; }
        void setAcknowledgement(String acknowledgement) { this.acknowledgement = acknowledgement; }
    }
}
