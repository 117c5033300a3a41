package org.tongxin.training.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongxin.training.internal.LessonMaterials.Picture;

/** A text lesson's paragraphs and the places of its pictures. */
class LessonTextTests {

    @Test
    void paragraphsSplitAtEmptyLinesAndPicturesGoWhereTheTextPlacesThem() {
        List<LessonText.Block> blocks = LessonText.blocks("第一行\n第二行\r\n\r\n[图2]\n\n[image 9]\n尾声",
                List.of(new Picture(1, "a"), new Picture(2, "b")));
        assertThat(blocks).containsExactly(new LessonText.Block("第一行\n第二行", null), new LessonText.Block(null, 2),
                new LessonText.Block("[image 9]\n尾声", null), new LessonText.Block(null, 1));
    }
}
