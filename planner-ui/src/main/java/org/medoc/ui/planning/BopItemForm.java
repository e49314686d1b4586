package org.medoc.ui.planning;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import org.medoc.planner.bop.BopItem;
import org.medoc.planner.bop.BopItemType;
import org.medoc.planner.study.StudyDetail;

import java.util.List;
import java.util.Optional;

/**
 * The next item of a draft BOP version, bound to an {@link Item} by a {@link Binder}: its offset and kind, and for a
 * study run the approved study and its rasters, for any other item its command or marker and duration (the fields
 * that do not apply to the kind chosen are disabled).
 */
class BopItemForm extends HorizontalLayout {

    final NumberField offset = new NumberField("Offset (s)");
    final ComboBox<BopItemType> type = new ComboBox<>("Item");
    final ComboBox<StudyDetail> study = new ComboBox<>("Study");
    final IntegerField rasters = new IntegerField("Rasters");
    final TextField mnemonic = new TextField("Command / marker");
    final NumberField duration = new NumberField("Duration (s)");

    private final Binder<Item> binder = new Binder<>();

    BopItemForm(List<StudyDetail> approvedStudies) {
        setPadding(false);
        setAlignItems(Alignment.BASELINE);
        offset.setId("bop-item-offset");
        type.setId("bop-item-type");
        type.setItems(BopItemType.values());
        study.setId("bop-item-study");
        study.setItems(approvedStudies);
        study.setItemLabelGenerator(s -> s.study().name());
        study.setWidth("24em");

        binder.forField(offset).asRequired("Give the item's offset from the block start")
                .withValidator(seconds -> seconds >= 0, "An item starts at or after the block start (P2)")
                .bind(Item::getOffsetSeconds, Item::setOffsetSeconds);
        binder.forField(type).asRequired("Choose the kind of item").bind(Item::getType, Item::setType);
        binder.forField(study).withValidator(s -> s != null || type.getValue() != BopItemType.STUDY, "Choose the study to run")
                .bind(Item::getStudy, Item::setStudy);
        binder.forField(rasters).withValidator(n -> n == null || n >= 1, "At least one raster").bind(Item::getRasters, Item::setRasters);
        binder.forField(mnemonic).bind(Item::getMnemonic, Item::setMnemonic);
        binder.forField(duration).withValidator(s -> s == null || s >= 0, "A duration is not negative")
                .bind(Item::getDurationSeconds, Item::setDurationSeconds);
        type.addValueChangeListener(change -> enableFor(change.getValue()));
        binder.readBean(new Item());
        enableFor(type.getValue());
        add(offset, type, study, rasters, mnemonic, duration);
    }

    /** The item to add after {@code items}, or nothing (each field at fault then says why). */
    Optional<BopItem> next(List<BopItem> items) {
        Item item = new Item();
        if (!binder.writeBeanIfValid(item)) {
            return Optional.empty();
        }
        return Optional.of(BopItem.next(items, item.getOffsetSeconds(), item.getType(),
                item.getStudy() == null ? null : item.getStudy().study().id(), item.getRasters(), item.getMnemonic(), item.getDurationSeconds()));
    }

    private void enableFor(BopItemType kind) {
        boolean isStudy = kind == BopItemType.STUDY;
        study.setEnabled(isStudy);
        rasters.setEnabled(isStudy);
        mnemonic.setEnabled(!isStudy);
        duration.setEnabled(!isStudy);
    }

    /** The form's bean: a new item is one raster of a study, at no offset yet. */
    static final class Item {
        private Double offsetSeconds;
        private BopItemType type = BopItemType.STUDY;
        private StudyDetail study;
        private Integer rasters = 1;
        private String mnemonic = "";
        private Double durationSeconds;

        Double getOffsetSeconds() { return offsetSeconds; }
        void setOffsetSeconds(Double offsetSeconds) { this.offsetSeconds = offsetSeconds; }
        BopItemType getType() { return type; }
        void setType(BopItemType type) { this.type = type; }
        StudyDetail getStudy() { return study; }
        void setStudy(StudyDetail study) { this.study = study; }
        Integer getRasters() { return rasters; }
        void setRasters(Integer rasters) { this.rasters = rasters; }
        String getMnemonic() { return mnemonic; }
        void setMnemonic(String mnemonic) { this.mnemonic = mnemonic; }
        Double getDurationSeconds() { return durationSeconds; }
        void setDurationSeconds(Double durationSeconds) { this.durationSeconds = durationSeconds; }
    }
}
