package org.medoc.planner.export;

import org.medoc.planner.study.SpectralWindow;
import org.medoc.planner.study.StoredStudy;
import org.medoc.planner.studyset.StudySetDetail;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;

/**
 * Our study-set XML. The real {@code fltNN-study-set.xml} schema is not public (PLANNING.md §3.5 ❓), so this format
 * is ours and kept behind this one class: the set (file name, SETVER, effective STP), each study in its slot
 * ({@code STUDY_ID}) with its ground ID and parameters, each window with its {@code WINNO} and shared {@code WINTABID}.
 */
public final class StudySetXml {

    private StudySetXml() {
    }

    public static String write(StudySetDetail set, Map<Long, StoredStudy> studies) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("studySet");
            xml.writeAttribute("xmlns", "urn:medoc:spice:study-set:1");
            xml.writeAttribute("file", set.fileName());
            xml.writeAttribute("setVersion", Integer.toString(set.setVersion()));
            if (set.effectiveFromStp() != null) {
                xml.writeAttribute("effectiveFromStp", Integer.toString(set.effectiveFromStp()));
            }
            xml.writeAttribute("status", set.status().name());
            for (StudySetDetail.Entry entry : set.entries()) {
                StoredStudy study = studies.get(entry.studyId());
                var p = study.parameters();
                xml.writeCharacters("\n  ");
                xml.writeStartElement("study");
                xml.writeAttribute("studyId", Integer.toString(entry.onboardSlot()));
                xml.writeAttribute("misoStud", study.misoId() == null ? "" : study.misoId().toString());
                xml.writeAttribute("name", p.name());
                xml.writeAttribute("obsType", p.obsTypeCode() == null ? "" : p.obsTypeCode());
                xml.writeAttribute("studyType", p.studyType().fitsValue());
                xml.writeAttribute("purpose", p.purpose().fitsValue());
                xml.writeAttribute("slitArcsec", number(p.slitWidthArcsec()));
                xml.writeAttribute("positions", Integer.toString(p.effectivePositions()));
                xml.writeAttribute("stepArcsec", number(p.stepArcsec()));
                xml.writeAttribute("exposureSeconds", number(p.exposureSeconds()));
                xml.writeAttribute("exposuresPerPosition", Integer.toString(p.effectiveExposuresPerPosition()));
                xml.writeAttribute("rasters", Integer.toString(p.defaultRasters()));
                xml.writeAttribute("yStartPx", Integer.toString(p.yStartPx()));
                xml.writeAttribute("yHeightPx", Integer.toString(p.yHeightPx()));
                for (int i = 0; i < p.windows().size(); i++) {
                    SpectralWindow w = p.windows().get(i);
                    int position = i;
                    int wintabid = set.windowTable().stream().filter(s -> s.studyId() == entry.studyId() && s.windowPosition() == position)
                            .mapToInt(StudySetDetail.WindowSlot::wintabid).findFirst().orElse(-1);
                    xml.writeCharacters("\n    ");
                    xml.writeEmptyElement("window");
                    xml.writeAttribute("winNo", Integer.toString(i));
                    xml.writeAttribute("winTabId", Integer.toString(wintabid));
                    xml.writeAttribute("name", w.name());
                    xml.writeAttribute("kind", w.kind().name());
                    xml.writeAttribute("detector", w.detector());
                    xml.writeAttribute("pxbeg3", Integer.toString(w.lambdaPxStart()));
                    xml.writeAttribute("pxend3", Integer.toString(w.lambdaPxEnd()));
                    xml.writeAttribute("pxbeg2", Integer.toString(w.yStartPx()));
                    xml.writeAttribute("pxend2", Integer.toString(w.yEndPx()));
                    xml.writeAttribute("nbin2", Integer.toString(w.binY()));
                    xml.writeAttribute("nbin3", Integer.toString(w.binLambda()));
                    xml.writeAttribute("compType", Integer.toString(w.compressionType()));
                    xml.writeAttribute("compPara", Integer.toString(w.compressionParam()));
                }
                xml.writeCharacters("\n  ");
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the study-set XML", e);
        }
        return text.toString() + "\n";
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%s",
                java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString());
    }
}
